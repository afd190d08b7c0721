package org.carevault.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URI;
import org.carevault.application.probe.DeclaredService;
import org.carevault.application.probe.ForgottenService;
import org.jboss.as.controller.client.ModelControllerClient;
import org.jboss.as.controller.client.OperationBuilder;
import org.jboss.dmr.ModelNode;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * Forgetting to declare a service method's access is impossible, not just tested: a deployment holding an application
 * service with an undeclared public method is refused by the server, naming the method (CV-SYS-004). The deployment
 * uses the hub's own check (the EJB module's CDI extension, imported from the running EAR) exactly as the EAR does; the
 * same archive with the method declared deploys, so the refusal comes from the declaration and nothing else.
 */
class UndeclaredServiceIT {

    private static final URI MANAGEMENT = URI.create(System.getProperty("carevault.it.management-url", "http://127.0.0.1:10290"));

    /** The probe sees the hub's classes (lib/ and the EJB module) and imports the EJB module's CDI extension. */
    private static final String STRUCTURE = """
            <jboss-deployment-structure xmlns="urn:jboss:deployment-structure:1.3">
              <deployment>
                <dependencies>
                  <module name="deployment.carevault.ear"/>
                  <module name="deployment.carevault.ear.ejb.jar" services="import"/>
                </dependencies>
              </deployment>
            </jboss-deployment-structure>
            """;

    @Test
    void aServiceMethodWithoutDeclarationStopsItsDeployment() throws Exception {
        try (ModelControllerClient client = ModelControllerClient.Factory.create("remote+http", MANAGEMENT.getHost(), MANAGEMENT.getPort())) {
            ModelNode refused = deploy(client, "undeclared-probe.war", ForgottenService.class);
            try {
                assertEquals("failed", refused.get("outcome").asString(), refused::toString);
                String failure = refused.get("failure-description").toString();
                assertTrue(failure.contains("CV-SYS-004 access not declared"), failure);
                assertTrue(failure.contains(ForgottenService.class.getName() + ".look(Caller, String)"), failure);
            } finally {
                remove(client, "undeclared-probe.war");
            }

            ModelNode deployed = deploy(client, "declared-probe.war", DeclaredService.class);
            try {
                assertEquals("success", deployed.get("outcome").asString(), deployed::toString);
            } finally {
                remove(client, "declared-probe.war");
            }
        }
    }

    private static ModelNode deploy(ModelControllerClient client, String name, Class<?> service) throws Exception {
        WebArchive war = ShrinkWrap.create(WebArchive.class, name)
                .addClass(service)
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml")
                .addAsWebInfResource(new StringAsset(STRUCTURE), "jboss-deployment-structure.xml");
        ModelNode add = new ModelNode();
        add.get("operation").set("add");
        add.get("address").add("deployment", name);
        add.get("enabled").set(true);
        add.get("content").get(0).get("input-stream-index").set(0);
        try (InputStream content = war.as(ZipExporter.class).exportAsInputStream()) {
            return client.execute(OperationBuilder.create(add).addInputStream(content).build());
        }
    }

    /** Removes the probe if the server kept it (a refused deployment is normally rolled back already). */
    private static void remove(ModelControllerClient client, String name) throws Exception {
        ModelNode read = new ModelNode();
        read.get("operation").set("read-resource");
        read.get("address").add("deployment", name);
        if ("success".equals(client.execute(read).get("outcome").asString())) {
            ModelNode remove = new ModelNode();
            remove.get("operation").set("remove");
            remove.get("address").add("deployment", name);
            client.execute(remove);
        }
    }
}
