package org.carevault.interfaces.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The REST API, version 1, under {@code /api/v1} (the WAR's context root is {@code /api}). */
@ApplicationPath("/v1")
public class RestApplication extends Application {
}
