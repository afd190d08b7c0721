package org.carevault.it;

import java.io.File;
import java.net.JarURLConnection;
import java.net.URL;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;

/** Lists the resources of a classpath directory, in jars and in directories alike. */
final class Classpath {

    private Classpath() {
    }

    /** Resource names (e.g. {@code db/migration/V2__x.sql}) directly in the directory, ending with the suffix. */
    static List<String> list(String directory, String suffix) throws Exception {
        List<String> names = new ArrayList<>();
        for (URL url : Collections.list(Classpath.class.getClassLoader().getResources(directory))) {
            if ("jar".equals(url.getProtocol())) {
                var jar = ((JarURLConnection) url.openConnection()).getJarFile();
                for (JarEntry entry : Collections.list(jar.entries())) {
                    String name = entry.getName();
                    if (name.startsWith(directory + "/") && name.indexOf('/', directory.length() + 1) < 0
                            && name.endsWith(suffix)) {
                        names.add(name);
                    }
                }
            } else {
                File[] files = new File(url.toURI()).listFiles((dir, name) -> name.endsWith(suffix));
                Arrays.stream(files == null ? new File[0] : files).forEach(f -> names.add(directory + "/" + f.getName()));
            }
        }
        return names;
    }
}
