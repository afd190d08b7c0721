package org.carevault.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.eclipse.microprofile.openapi.models.PathItem;
import org.junit.jupiter.api.Test;

class ApiDocumentTest {

    @Test
    void operationIdsAndTagsFollowThePath() {
        assertEquals("getPatientsMedicationSchemeVersionsByVersion", ApiDocument.operationId(PathItem.HttpMethod.GET,
                "/api/v1/patients/{patientRef}/medication-scheme/versions/{version}"));
        assertEquals("postPatientsResolve", ApiDocument.operationId(PathItem.HttpMethod.POST, "/api/v1/patients/resolve"));
        assertEquals("deleteEtksById", ApiDocument.operationId(PathItem.HttpMethod.DELETE, "/api/v1/etks/{id}"));
        assertEquals("medication-scheme", ApiDocument.tag("/api/v1/patients/{patientRef}/medication-scheme/versions/{version}"));
        assertEquals("patients", ApiDocument.tag("/api/v1/patients/resolve"));
        assertEquals("mailbox", ApiDocument.tag("/api/v1/mailbox/messages/{id}"));
        assertEquals("getEtks", ApiDocument.operationId(PathItem.HttpMethod.GET, "/v1/etks"), "as the filter sees the path");
    }
}
