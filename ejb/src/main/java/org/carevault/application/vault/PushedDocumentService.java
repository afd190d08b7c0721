package org.carevault.application.vault;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.carevault.domain.Caller;
import org.carevault.domain.consent.PatientRef;

/**
 * The operations of a kind of document pushed one transaction at a time (PutTransaction, GetTransactionList,
 * GetTransaction, RevokeTransaction), as the adapters that serve several kinds through one contract see them
 * (IntraHub: by the transaction's {@code CD-TRANSACTION}). Each implementation decides and records every call.
 */
public interface PushedDocumentService {

    /** The KMEHR transaction type the service keeps ({@code sumehr}, {@code vaccination}). */
    String kind();

    PushedDocuments.Entry put(Caller caller, PatientRef patient, byte[] kmehr, Optional<String> breakTheGlass);

    List<PushedDocuments.Entry> list(Caller caller, PatientRef patient, Optional<String> breakTheGlass);

    String get(Caller caller, PatientRef patient, UUID id, Optional<String> breakTheGlass);

    void revoke(Caller caller, PatientRef patient, UUID id, Optional<String> breakTheGlass);
}
