package org.carevault.domain;

/** The entry path a call came through; recorded with every decision. */
public enum Channel {
    SOAP,
    REST,
    PORTAL,
    BATCH
}
