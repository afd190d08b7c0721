package org.carevault.interfaces.soap;

import java.io.IOException;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.wss4j.common.crypto.Merlin;
import org.apache.wss4j.common.crypto.PasswordEncryptor;
import org.apache.wss4j.common.ext.WSSecurityException;

/**
 * The WSS4J crypto of the SOAP endpoints: a Merlin key/trust store whose file names and passwords
 * come from system properties ({@code ${name}} in {@code carevault-crypto.properties}), because the
 * stores are generated per installation at first start and never packaged.
 */
public class HubCrypto extends Merlin {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]+)}");

    public HubCrypto(Properties properties, ClassLoader loader, PasswordEncryptor passwordEncryptor)
            throws WSSecurityException, IOException {
        super(resolve(properties), loader, passwordEncryptor);
    }

    static Properties resolve(Properties properties) {
        Properties resolved = new Properties();
        for (String name : properties.stringPropertyNames()) {
            resolved.setProperty(name, substitute(properties.getProperty(name)));
        }
        return resolved;
    }

    static String substitute(String value) {
        Matcher matcher = PLACEHOLDER.matcher(value);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String replacement = System.getProperty(matcher.group(1));
            if (replacement == null) {
                throw new IllegalStateException("system property " + matcher.group(1) + " is not set");
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
