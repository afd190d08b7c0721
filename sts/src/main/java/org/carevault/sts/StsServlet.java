package org.carevault.sts;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.util.logging.Logger;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.apache.wss4j.common.crypto.Merlin;
import org.carevault.crypto.pki.Pkcs12;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;

/**
 * The demo STS on the wire: {@code POST /sts/SecureTokenService}, a SOAP 1.1 envelope (any SOAPAction: the e-Contract
 * client sends an empty one). Its key is {@code <carevault.pki.dir>/sts.p12} (alias {@code sts}, the hub's password),
 * the authentication certificates it accepts chain to the demo trust store, assertions live
 * {@code carevault.sts.lifetime} (ISO-8601, default PT8H).
 */
@WebServlet(urlPatterns = "/SecureTokenService")
public class StsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(StsServlet.class.getName());
    /** A request is a few kilobytes; anything much larger is not one. */
    static final int MAX_REQUEST_BYTES = 256 * 1024;

    private transient SamlRequestHandler handler;

    @Override
    public void init() throws ServletException {
        Path pki = Path.of(System.getProperty("carevault.pki.dir", "pki"));
        String keyPassword = System.getProperty("carevault.sts.password", System.getProperty("carevault.pki.hub-password", ""));
        String trustPassword = System.getProperty("carevault.pki.truststore-password", "");
        try {
            KeyStore keys = Pkcs12.read(pki.resolve("sts.p12"), keyPassword.toCharArray());
            Merlin trust = new Merlin();
            trust.setTrustStore(Pkcs12.read(pki.resolve("truststore.p12"), trustPassword.toCharArray()));
            Duration lifetime = Duration.parse(System.getProperty("carevault.sts.lifetime", "PT8H"));
            handler = new SamlRequestHandler(new AssertionIssuer("urn:carevault:demo-sts", keys, "sts", keyPassword,
                    lifetime, Clock.systemUTC()), trust, Clock.systemUTC());
        } catch (RuntimeException e) {
            throw new ServletException("CV-STS-100 the demo STS has no key: run the stack's setup first", e);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Document answer;
        try (InputStream body = request.getInputStream()) {
            byte[] bytes = body.readNBytes(MAX_REQUEST_BYTES + 1);
            if (bytes.length > MAX_REQUEST_BYTES) {
                answer = handler.refusal(SamlRequestHandler.Refusal.MALFORMED);
            } else {
                answer = handler.answer(parse(bytes));
            }
        } catch (SAXException e) {
            answer = handler.refusal(SamlRequestHandler.Refusal.MALFORMED);
        }
        Document document = answer;
        response.setContentType("text/xml; charset=UTF-8");
        try {
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.transform(new DOMSource(document), new StreamResult(response.getOutputStream()));
        } catch (TransformerException e) {
            LOG.severe("CV-STS-101 the answer could not be written");
            response.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
        }
    }

    /** Parses without DTDs or external entities (the request comes from anyone). */
    static Document parse(byte[] bytes) throws SAXException, IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            factory.setXIncludeAware(false);
            return factory.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(bytes));
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }
}
