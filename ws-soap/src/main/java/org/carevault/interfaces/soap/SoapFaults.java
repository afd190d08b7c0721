package org.carevault.interfaces.soap;

import org.carevault.domain.CareVaultException;
import org.carevault.domain.ErrorCode;
import org.carevault.ws.common.v1.CareVaultError;
import org.carevault.ws.identity.v1.CareVaultFault;

/** Turns coded errors into the WSDLs' CareVaultFault (one class per service, the same error inside). */
final class SoapFaults {

    private SoapFaults() {
    }

    static CareVaultError error(ErrorCode code) {
        CareVaultError error = new CareVaultError();
        error.setCode(code.code());
        error.setMessage(code.title());
        return error;
    }

    static String message(ErrorCode code) {
        return code.code() + " " + code.title();
    }

    static CareVaultFault identity(CareVaultException e) {
        return new CareVaultFault(message(e.errorCode()), error(e.errorCode()));
    }

    static org.carevault.ws.consent.v1.CareVaultFault consent(CareVaultException e) {
        return new org.carevault.ws.consent.v1.CareVaultFault(message(e.errorCode()), error(e.errorCode()));
    }
}
