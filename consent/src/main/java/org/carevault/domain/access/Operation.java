package org.carevault.domain.access;

/** Reading or changing. */
public enum Operation {
    READ,
    WRITE
}
