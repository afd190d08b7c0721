/**
 * IntraHub v3 (hubservices 3.5), the contract Belgian medical software speaks to Vitalink and the other hubs: the
 * hub's own JAXB model of its messages (element names and namespaces are the contract's facts; the model is written
 * here, not generated from the contract's files) and the endpoint that maps them onto the hub's services.
 */
@XmlSchema(namespace = IntraHubMessages.CORE, elementFormDefault = XmlNsForm.QUALIFIED, xmlns = {
    @XmlNs(prefix = "protocol", namespaceURI = IntraHubMessages.PROTOCOL),
    @XmlNs(prefix = "core", namespaceURI = IntraHubMessages.CORE),
    @XmlNs(prefix = "kmehr", namespaceURI = IntraHubMessages.KMEHR)})
package org.carevault.interfaces.soap.intrahub;

import jakarta.xml.bind.annotation.XmlNs;
import jakarta.xml.bind.annotation.XmlNsForm;
import jakarta.xml.bind.annotation.XmlSchema;
