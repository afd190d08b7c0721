package org.carevault.interfaces.soap;

import java.util.Set;
import javax.xml.namespace.QName;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.phase.Phase;

/**
 * Tells CXF that an endpoint processes {@code wsse:Security} itself (the eHealth contracts' endpoints hand it to
 * {@link HolderOfKeyAuthenticator}), so that a header marked {@code mustUnderstand} reaches the endpoint.
 */
public class SecurityHeaderUnderstood extends AbstractSoapInterceptor {

    private static final Set<QName> SECURITY = Set.of(new QName(
            "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd", "Security"));

    public SecurityHeaderUnderstood() {
        super(Phase.PRE_PROTOCOL);
    }

    @Override
    public Set<QName> getUnderstoodHeaders() {
        return SECURITY;
    }

    @Override
    public void handleMessage(SoapMessage message) {
        // The endpoint authenticates the message: nothing to do before it.
    }
}
