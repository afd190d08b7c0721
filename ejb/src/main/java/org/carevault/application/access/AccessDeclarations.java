package org.carevault.application.access;

import jakarta.ejb.Singleton;
import jakarta.ejb.Stateful;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.DefinitionException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.WithAnnotations;
import java.util.ArrayList;
import java.util.List;

/**
 * Stops the deployment when a service method does not declare its access, or declares it wrongly: every session bean
 * the container discovers is checked by {@link Declarations#problems}, and each problem (naming the method) becomes a
 * definition error, so the application does not start. Forgetting the decision is impossible, not only tested.
 * Registered in META-INF/services/jakarta.enterprise.inject.spi.Extension.
 */
public class AccessDeclarations implements Extension {

    private final List<String> problems = new ArrayList<>();

    void check(@Observes @WithAnnotations({Stateless.class, Singleton.class, Stateful.class}) ProcessAnnotatedType<?> type) {
        problems.addAll(Declarations.problems(type.getAnnotatedType().getJavaClass()));
    }

    void refuse(@Observes AfterBeanDiscovery discovery) {
        for (String problem : problems) {
            discovery.addDefinitionError(new DefinitionException("CV-SYS-004 access not declared: " + problem));
        }
    }
}
