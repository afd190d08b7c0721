package org.carevault.it;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The official KMEHR XML Schema 1.43 from ../shared/interop/kmehr-xsd (eHealth's files, read in place, never copied):
 * the JDK's validator, external access limited to local files. Absent on machines without ../shared.
 */
final class KmehrSchema {

    static final Path FILE = Path.of(System.getProperty("carevault.interop.dir", "../../shared/interop"),
            "kmehr-xsd", "ehealth-kmehr", "XSD", "kmehr_elements-1_43.xsd");

    private static Schema schema;

    private KmehrSchema() {
    }

    /** The schema, or empty (with a notice) where the shared folder is absent. */
    static synchronized Optional<Schema> get() {
        if (schema == null) {
            if (!Files.isRegularFile(FILE)) {
                System.out.println("NOTICE: " + FILE + " is absent: KMEHR schema validation skipped");
                return Optional.empty();
            }
            try {
                SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
                factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
                factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
                schema = factory.newSchema(FILE.toFile());
            } catch (SAXException e) {
                throw new IllegalStateException("the KMEHR schema does not load", e);
            }
        }
        return Optional.of(schema);
    }

    /** Every error the schema finds in a document (empty when it is valid). */
    static List<String> errors(Schema kmehr, byte[] document) {
        List<String> errors = new ArrayList<>();
        Validator validator = kmehr.newValidator();
        try {
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                    // warnings are not errors
                }

                @Override
                public void error(SAXParseException e) {
                    errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
                }

                @Override
                public void fatalError(SAXParseException e) {
                    errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
                }
            });
            validator.validate(new StreamSource(new ByteArrayInputStream(document)));
        } catch (SAXException | IOException e) {
            errors.add(e.getMessage());
        }
        return errors;
    }
}
