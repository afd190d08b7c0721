package org.carevault.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.carevault.domain.CareVaultException;
import org.carevault.domain.ErrorCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestHeaderCheckTest {

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "*/*", "application/json;q=0.9, application/xml;q=0.5, */*;q=0",
            "application/problem+json; charset=utf-8", "text/html;level=1;q=1.000", "application/json;profile=\"a;b\"",
            "application/json,", ""})
    void wellFormed(String accept) {
        assertDoesNotThrow(() -> RequestHeaderCheck.check(accept));
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json;q=abc", "application/json;q=1.5", "application/json;q=-1", "application/json;q=",
            "application/json;q=0.1234", "json", "application/json;;", "application/json;q", "appli cation/json"})
    void malformed(String accept) {
        CareVaultException refused = assertThrows(CareVaultException.class, () -> RequestHeaderCheck.check(accept));
        assertEquals(ErrorCode.REQUEST_MALFORMED, refused.errorCode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json; charset=x-unknown-42", "application/json;charset=\"no such\"",
            "application/json; charset=***"})
    void unknownCharsets(String contentType) {
        CareVaultException refused = assertThrows(CareVaultException.class, () -> RequestHeaderCheck.checkContentType(contentType));
        assertEquals(ErrorCode.UNSUPPORTED_MEDIA_TYPE, refused.errorCode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"json;;", "application/json;", "application/json, text/plain", ""})
    void malformedContentTypes(String contentType) {
        CareVaultException refused = assertThrows(CareVaultException.class, () -> RequestHeaderCheck.checkContentType(contentType));
        assertEquals(ErrorCode.REQUEST_MALFORMED, refused.errorCode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "application/json; charset=UTF-8", "application/xml;charset=\"iso-8859-1\""})
    void knownCharsets(String contentType) {
        assertDoesNotThrow(() -> RequestHeaderCheck.checkContentType(contentType));
    }
}
