package org.carevault.it;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The deployment of an in-container test that works on the hub's database with plain SQL beside the EAR. */
final class InContainer {

    private InContainer() {
    }

    static WebArchive withSql(Class<?> test) {
        return ShrinkWrap.create(WebArchive.class, test.getSimpleName() + ".war")
                .addClass(test)
                .addClass(RawRows.class)
                .addAsResource("in-container-sql.xml", "META-INF/persistence.xml")
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
    }
}
