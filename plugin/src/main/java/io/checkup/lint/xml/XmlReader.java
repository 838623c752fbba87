package io.checkup.lint.xml;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads any XML file into an {@link XmlNode} tree without validating it against a schema, so descriptive
 * (non-executable) models and other tools' fixtures can be linted too.
 *
 * <p>Secure by construction: DTDs are not supported and external entities are never resolved, so a file with a
 * DOCTYPE or an entity reference can neither read local files nor reach the network; an undeclared entity is a
 * parse error. The encoding comes from the byte order mark or the XML declaration; bytes that are not valid in that
 * encoding are a parse error, never silently replaced.
 */
public final class XmlReader {

  private static final XMLInputFactory FACTORY = createFactory();

  private XmlReader() {
  }

  private static XMLInputFactory createFactory() {
    // the JDK's own implementation, not whatever StAX provider happens to be on the class path
    XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    factory.setProperty(XMLInputFactory.IS_COALESCING, true);
    factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, true);
    factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
      throw new XMLStreamException("external entity '" + systemId + "' is not resolved");
    });
    return factory;
  }

  /** Reads the whole document; the stream is not closed. */
  public static XmlNode read(InputStream in) throws XmlReadException {
    XMLStreamReader reader = null;
    try {
      reader = FACTORY.createXMLStreamReader(in);
      return readDocument(reader);
    } catch (XMLStreamException e) {
      Location location = e.getLocation();
      String message = e.getMessage();
      // the JDK prefixes its messages with "ParseError at [row,col]:[l,c]\nMessage: "
      int marker = message == null ? -1 : message.indexOf("Message: ");
      if (marker >= 0) {
        message = message.substring(marker + "Message: ".length());
      }
      throw new XmlReadException(message == null ? "malformed XML" : message.trim(),
          location == null ? 0 : location.getLineNumber(), location == null ? 0 : location.getColumnNumber(), e);
    } catch (RuntimeException e) {
      // some malformed byte sequences surface as unchecked exceptions from the decoder
      throw new XmlReadException("malformed XML: " + e.getMessage(), 0, 0, e);
    } finally {
      if (reader != null) {
        try {
          reader.close();
        } catch (XMLStreamException ignored) {
          // nothing left to release
        }
      }
    }
  }

  public static XmlNode read(byte[] bytes) throws XmlReadException {
    return read(new java.io.ByteArrayInputStream(bytes));
  }

  private static XmlNode readDocument(XMLStreamReader reader) throws XMLStreamException, XmlReadException {
    Deque<XmlNode> open = new ArrayDeque<>();
    Deque<StringBuilder> texts = new ArrayDeque<>();
    XmlNode root = null;
    while (reader.hasNext()) {
      int event = reader.next();
      switch (event) {
        case XMLStreamConstants.START_ELEMENT -> {
          Map<String, String> attributes = XmlNode.newAttributeMap();
          for (int i = 0; i < reader.getAttributeCount(); i++) {
            attributes.put(XmlNode.attributeKey(reader.getAttributeNamespace(i), reader.getAttributeLocalName(i)),
                reader.getAttributeValue(i));
          }
          Location location = reader.getLocation();
          XmlNode node = new XmlNode(reader.getNamespaceURI(), reader.getLocalName(), attributes,
              location.getLineNumber(), location.getColumnNumber(), null);
          if (open.isEmpty()) {
            root = node;
          } else {
            open.peek().addChild(node);
          }
          open.push(node);
          texts.push(new StringBuilder());
        }
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
          if (!texts.isEmpty()) {
            texts.peek().append(reader.getText());
          }
        }
        case XMLStreamConstants.ENTITY_REFERENCE ->
          throw new XmlReadException("entity reference '&" + reader.getLocalName() + ";' is not resolved",
              reader.getLocation().getLineNumber(), reader.getLocation().getColumnNumber(), null);
        case XMLStreamConstants.END_ELEMENT -> {
          open.pop().setText(texts.pop().toString().trim());
        }
        default -> {
          // comments, processing instructions, DOCTYPE (ignored, never resolved)
        }
      }
    }
    if (root == null) {
      throw new XmlReadException("no root element", 0, 0, null);
    }
    return root;
  }

  /** Convenience for callers that hold a stream they own. */
  public static XmlNode readAndClose(InputStream in) throws XmlReadException, IOException {
    try (in) {
      return read(in);
    }
  }
}
