package org.carevault.domain;

import org.carevault.crypto.identity.Nihii;
import org.carevault.crypto.identity.Ssin;

/**
 * Who a party is: a person by SSIN or an organisation by NIHII. {@link #toString()} never shows a
 * full SSIN, so a party id can appear in a log line.
 */
public sealed interface PartyId {

    String type();

    String value();

    record Person(Ssin ssin) implements PartyId {
        @Override
        public String type() {
            return "SSIN";
        }

        @Override
        public String value() {
            return ssin.value();
        }

        @Override
        public String toString() {
            return ssin.toString();
        }
    }

    record Organisation(Nihii nihii) implements PartyId {
        @Override
        public String type() {
            return "NIHII";
        }

        @Override
        public String value() {
            return nihii.base();
        }

        @Override
        public String toString() {
            return nihii.toString();
        }
    }

    static PartyId person(String ssin) {
        return new Person(Ssin.of(ssin));
    }

    static PartyId organisation(String nihii) {
        return new Organisation(Nihii.of(nihii));
    }
}
