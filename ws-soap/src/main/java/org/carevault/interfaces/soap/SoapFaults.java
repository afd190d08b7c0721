package org.carevault.interfaces.soap;

import org.carevault.domain.CareVaultException;
import org.carevault.domain.ErrorCode;
import org.carevault.ws.common.v1.CareVaultError;
import org.carevault.ws.identity.v1.CareVaultFault;

/** Turns coded errors into the WSDL's CareVaultFault. */
final class SoapFaults {

    private SoapFaults() {
    }

    static CareVaultFault of(CareVaultException e) {
        return of(e.errorCode());
    }

    static CareVaultFault of(ErrorCode code) {
        CareVaultError error = new CareVaultError();
        error.setCode(code.code());
        error.setMessage(code.title());
        return new CareVaultFault(code.code() + " " + code.title(), error);
    }
}
