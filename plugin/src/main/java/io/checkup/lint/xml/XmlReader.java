package io.checkup.lint.xml;

import com.fasterxml.aalto.stax.InputFactoryImpl;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import org.codehaus.stax2.XMLStreamReader2;

/**
 * Reads any XML file into an {@link XmlNode} tree without validating it against a schema, so
 * descriptive (non-executable) models and other tools' fixtures can be linted too.
 *
 * <p>Secure by construction: DTDs are not supported and external entities are never resolved, so a
 * file with a DOCTYPE or an entity reference can neither read local files nor reach the network; an
 * undeclared entity is a parse error. The encoding comes from the byte order mark or the XML
 * declaration; bytes that are not valid in that encoding are a parse error, never silently
 * replaced.
 */
public final class XmlReader {

  private static final XMLInputFactory FACTORY = createFactory();
  private static final String DI_NS = "http://www.omg.org/spec/BPMN/20100524/DI";
  private static final String MODEL_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  private static final String DC_NS = "http://www.omg.org/spec/DD/20100524/DC";
  private static final String OMG_DI_NS = "http://www.omg.org/spec/DD/20100524/DI";
  private static final String[] BOUNDS = {"x", "y", "width", "height"};
  private static final String[] WAYPOINT = {"x", "y"};

  /**
   * The deepest element nesting read at all, by the engine at deploy time and by the linter's own
   * reader (sub-processes are held to far less).
   */
  public static final int MAX_ELEMENT_DEPTH = 1_000;

  /**
   * The most attributes an element may have: the limit of the JDK's XML parser, which the engine
   * reads models with ({@code jdk.xml.elementAttributeLimit}); it refuses a file with more.
   */
  public static final int MAX_ATTRIBUTES = 10_000;

  /** Why a document whose elements nest deeper than {@code limit} is not read. */
  public static String nestedTooDeep(int limit, int line) {
    return "elements are nested more than "
        + limit
        + " levels deep (line "
        + line
        + "): the model is not read further; no process needs such depth, and the engine's parser runs"
        + " out of memory or stack on it";
  }

  private XmlReader() {}

  private static XMLInputFactory createFactory() {
    // Aalto, named explicitly rather than whatever StAX provider is on the class path: it starts
    // faster than the
    // JDK's parser, which is most of a short command line run (docs/benchmarks.md)
    XMLInputFactory factory = new InputFactoryImpl();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    factory.setProperty(XMLInputFactory.IS_COALESCING, true);
    factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, true);
    factory.setXMLResolver(
        (publicId, systemId, baseUri, namespace) -> {
          throw new XMLStreamException("external entity '" + systemId + "' is not resolved");
        });
    return factory;
  }

  /** Reads the whole document; the stream is not closed. */
  public static XmlNode read(InputStream in) throws XmlReadException {
    try {
      return read(in.readAllBytes());
    } catch (IOException e) {
      throw new XmlReadException("cannot be read: " + e.getMessage(), 0, 0, e);
    }
  }

  /**
   * The ids of the executable processes ({@code isExecutable="true"}, as the engine reads it for a
   * new deployment) a BPMN document declares, in document order: a stream over the document's top
   * level, the inside of each element skipped, comments and CDATA never taken for markup. What it
   * found before a part it cannot read.
   */
  public static List<String> executableProcessIds(byte[] bytes) {
    List<String> ids = new ArrayList<>();
    XMLStreamReader2 reader = null;
    try {
      reader = (XMLStreamReader2) FACTORY.createXMLStreamReader(new StringReader(decode(bytes)));
      reader.nextTag(); // the root
      while (reader.hasNext()) {
        if (reader.next() != XMLStreamConstants.START_ELEMENT) {
          continue;
        }
        if ("process".equals(reader.getLocalName())
            && MODEL_NS.equals(reader.getNamespaceURI())
            && XmlNode.isTrue(reader.getAttributeValue(null, "isExecutable"))) {
          ids.add(reader.getAttributeValue(null, "id"));
        }
        reader.skipElement();
      }
    } catch (XMLStreamException | XmlReadException | RuntimeException e) {
      // what was found so far
    } finally {
      close(reader);
    }
    return ids;
  }

  /**
   * Reads a whole document. The bytes are decoded here, strictly, in the encoding the byte order
   * mark or the XML declaration names (UTF-8 without either): a byte sequence that is not valid in
   * it is a parse error with its line and column, never replaced and never printed to the console
   * by the JDK's parser.
   */
  public static XmlNode read(byte[] bytes) throws XmlReadException {
    String text = decode(bytes);
    if (text.isBlank()) {
      throw new XmlReadException("the file is empty", 0, 0, null);
    }
    // the StAX reader counts no line breaks inside the XML declaration, so it gets the declaration
    // on one line and every line it reports is moved down by the breaks taken out
    int declarationBreaks = lineBreaksInDeclaration(text);
    if (declarationBreaks > 0) {
      text = joinDeclaration(text);
    }
    text = spaceBeforeInternalSubset(text);
    XMLStreamReader2 reader = null;
    try {
      reader = (XMLStreamReader2) FACTORY.createXMLStreamReader(new StringReader(text));
      return readDocument(reader, declarationBreaks);
    } catch (XMLStreamException e) {
      throw readException(e, declarationBreaks);
    } catch (RuntimeException e) {
      // the reader reads text lazily and throws what it finds there unchecked, with the checked
      // exception as its cause (an entity reference after text); some malformed byte sequences
      // surface as unchecked exceptions from the decoder
      for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
        if (cause instanceof XMLStreamException read) {
          throw readException(read, declarationBreaks);
        }
      }
      throw new XmlReadException("malformed XML: " + e.getMessage(), 0, 0, e);
    } finally {
      close(reader);
    }
  }

  /** What the reader said, in the linter's words, at its position in the file. */
  private static XmlReadException readException(XMLStreamException e, int declarationBreaks) {
    Location location = e.getLocation();
    String message = e.getMessage();
    // the JDK prefixes its messages with "ParseError at [row,col]:[l,c]\nMessage: "
    int marker = message == null ? -1 : message.indexOf("Message: ");
    if (marker >= 0) {
      message = message.substring(marker + "Message: ".length());
    }
    if (message != null) {
      // the position is reported separately
      message = message.replaceFirst("\\s*at \\[row,col[^\\]]*\\]: \\[\\d+,\\d+\\]\\s*$", "");
      // Aalto's words for an entity a DTD declares: say what it means for the model
      message =
          message.replaceFirst(
              "^General entity reference \\(&([^;()]*);\\) encountered in entity expanding mode.*$",
              "entity reference '&$1;' is not resolved: a model may use XML's predefined entities"
                  + " only (&amp; &lt; &gt; &quot; &apos;); entities declared in a DTD are not"
                  + " supported");
      // and for an XML declaration after a blank line, a space or a comment (a generated file)
      message =
          message.replaceFirst(
              "^Illegal processing instruction target: 'xml'.*$",
              "the XML declaration (<?xml ...?>) is not at the very start of the file: nothing,"
                  + " not even a blank line, a space or a comment, may come before it");
    }
    return new XmlReadException(
        message == null ? "malformed XML" : message.trim(),
        location == null ? 0 : location.getLineNumber() + declarationBreaks,
        location == null ? 0 : location.getColumnNumber(),
        e);
  }

  /** The line breaks (CR LF, LF or CR alone) inside a leading XML declaration. */
  private static int lineBreaksInDeclaration(String text) {
    if (!text.startsWith("<?xml")) {
      return 0;
    }
    int end = text.indexOf("?>");
    int breaks = 0;
    for (int i = 0; i < end; i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r' && (i + 1 >= end || text.charAt(i + 1) != '\n')) {
        breaks++;
      }
    }
    return breaks;
  }

  /** The text with its XML declaration's line breaks made spaces. */
  /**
   * {@code <!DOCTYPE definitions[...]>} is well-formed (the space before the internal subset is
   * optional), but the StAX reader wants one and calls the bracket an invalid name character: it
   * gets a space there, so such a file is read as any file with a DTD is (the DTD ignored).
   */
  static String spaceBeforeInternalSubset(String text) {
    Matcher doctype = DOCTYPE_WITHOUT_SPACE.matcher(text);
    if (!doctype.find()) {
      return text;
    }
    return text.substring(0, doctype.end(1)) + " " + text.substring(doctype.end(1));
  }

  private static final Pattern DOCTYPE_WITHOUT_SPACE =
      Pattern.compile("\\A(?:(?!<[a-zA-Z_]).)*?(<!DOCTYPE\\s+[^\\s\\[>]+)\\[", Pattern.DOTALL);

  private static String joinDeclaration(String text) {
    int end = text.indexOf("?>");
    return text.substring(0, end).replace('\n', ' ').replace('\r', ' ') + text.substring(end);
  }

  /** Closes a reader over text in memory, if one was made. */
  private static void close(XMLStreamReader2 reader) {
    if (reader != null) {
      try {
        reader.close();
      } catch (XMLStreamException ignored) {
        // nothing left to release
      }
    }
  }

  private static final Pattern DECLARED_ENCODING =
      Pattern.compile("^<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");

  /**
   * The encoding of a document as XML 1.0 (appendix F) finds it from its first four bytes: a byte
   * order mark of UTF-8, UTF-16 or UTF-32, or, without one, the zero bytes around a first {@code <}
   * or white space in UTF-16 or UTF-32; null for an ASCII-compatible start, whose XML declaration
   * names the encoding.
   */
  private record Detected(Charset charset, int offset) {}

  private static Detected detect(byte[] bytes) {
    int b0 = bytes.length > 0 ? bytes[0] & 0xff : -1;
    int b1 = bytes.length > 1 ? bytes[1] & 0xff : -1;
    int b2 = bytes.length > 2 ? bytes[2] & 0xff : -1;
    int b3 = bytes.length > 3 ? bytes[3] & 0xff : -1;
    if (b0 == 0xEF && b1 == 0xBB && b2 == 0xBF) {
      return new Detected(StandardCharsets.UTF_8, 3);
    }
    if (b0 == 0x00 && b1 == 0x00 && b2 == 0xFE && b3 == 0xFF) {
      return new Detected(Charset.forName("UTF-32BE"), 4);
    }
    if (b0 == 0xFF && b1 == 0xFE && b2 == 0x00 && b3 == 0x00) {
      return new Detected(Charset.forName("UTF-32LE"), 4);
    }
    if (b0 == 0xFE && b1 == 0xFF) {
      return new Detected(StandardCharsets.UTF_16BE, 2);
    }
    if (b0 == 0xFF && b1 == 0xFE) {
      return new Detected(StandardCharsets.UTF_16LE, 2);
    }
    // no mark: a document starts with '<' or white space, and XML has no NUL character, so zero
    // bytes around the first character give its width and order
    if (b0 == 0x00 && b1 == 0x00 && b2 == 0x00 && startsXml(b3)) {
      return new Detected(Charset.forName("UTF-32BE"), 0);
    }
    if (startsXml(b0) && b1 == 0x00 && b2 == 0x00 && b3 == 0x00) {
      return new Detected(Charset.forName("UTF-32LE"), 0);
    }
    if (b0 == 0x00 && startsXml(b1)) {
      return new Detected(StandardCharsets.UTF_16BE, 0);
    }
    if (startsXml(b0) && b1 == 0x00) {
      return new Detected(StandardCharsets.UTF_16LE, 0);
    }
    return null;
  }

  /**
   * The encoding the first bytes of a document give (XML 1.0 appendix F): a byte order mark, or the
   * zero bytes around a first {@code <} or white space in UTF-16 or UTF-32; null when they give
   * none (a one-byte encoding, named by the XML declaration).
   */
  public static Charset encodingOfFirstBytes(byte[] first) {
    Detected detected = detect(first);
    return detected == null ? null : detected.charset();
  }

  /** A character a document may start with: its first tag, or white space before it. */
  private static boolean startsXml(int b) {
    return b == '<' || b == ' ' || b == '\t' || b == '\n' || b == '\r';
  }

  static String decode(byte[] bytes) throws XmlReadException {
    Charset charset = StandardCharsets.UTF_8;
    int offset = 0;
    boolean fromBytes = false;
    Detected detected = detect(bytes);
    if (detected != null) {
      charset = detected.charset();
      offset = detected.offset();
      fromBytes = true;
    } else {
      String head = new String(bytes, 0, Math.min(bytes.length, 200), StandardCharsets.ISO_8859_1);
      Matcher declared = DECLARED_ENCODING.matcher(head);
      if (declared.find()) {
        try {
          charset = Charset.forName(declared.group(1));
        } catch (IllegalArgumentException e) {
          throw new XmlReadException(
              "unsupported encoding '" + declared.group(1) + "' in the XML declaration",
              1,
              declared.start(1) + 1,
              e);
        }
        if (charset.name().startsWith("UTF-16") || charset.name().startsWith("UTF-32")) {
          // the declaration was read one byte a character: the file is not in that encoding
          throw new XmlReadException(
              "the XML declaration says encoding '"
                  + declared.group(1)
                  + "', but the file is written one byte a character (UTF-8 or another 8-bit"
                  + " encoding): declare that encoding, or save the file in the one declared",
              1,
              declared.start(1) + 1,
              null);
        }
      }
    }
    if (charset.name().startsWith("UTF-32")) {
      rejectSurrogates(bytes, offset, charset.name().equals("UTF-32LE"));
    }
    CharsetDecoder decoder =
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer input = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
    CharBuffer output =
        CharBuffer.allocate((int) (bytes.length * (double) decoder.maxCharsPerByte()) + 16);
    CoderResult result = decoder.decode(input, output, true);
    if (result.isError()) {
      output.flip();
      String before = output.toString();
      int line = 1;
      for (int i = 0; i < before.length(); i++) {
        if (before.charAt(i) == '\n') {
          line++;
        }
      }
      int column = before.length() - before.lastIndexOf('\n');
      throw new XmlReadException(
          "byte "
              + (input.position() + 1)
              + " is not valid "
              + charset.name()
              + (fromBytes
                  ? " (the encoding its first bytes give: a byte order mark, or zero bytes around the"
                      + " first character)"
                  : " (the encoding the XML declaration gives, UTF-8 when none is declared)"),
          line,
          column,
          null);
    }
    decoder.flush(output);
    output.flip();
    return output.toString();
  }

  /**
   * UTF-32 holds code points, and U+D800 to U+DFFF are none: the JDK's decoder lets them through
   * (two of them even become a character), so they are refused here, by byte, line and column.
   */
  private static void rejectSurrogates(byte[] bytes, int offset, boolean littleEndian)
      throws XmlReadException {
    int line = 1;
    int column = 1;
    for (int i = offset; i + 3 < bytes.length; i += 4) {
      int unit =
          littleEndian
              ? (bytes[i] & 0xff)
                  | (bytes[i + 1] & 0xff) << 8
                  | (bytes[i + 2] & 0xff) << 16
                  | (bytes[i + 3] & 0xff) << 24
              : (bytes[i] & 0xff) << 24
                  | (bytes[i + 1] & 0xff) << 16
                  | (bytes[i + 2] & 0xff) << 8
                  | (bytes[i + 3] & 0xff);
      if (unit >= 0xD800 && unit <= 0xDFFF) {
        throw new XmlReadException(
            "byte "
                + (i + 1)
                + " is not valid UTF-32"
                + (littleEndian ? "LE" : "BE")
                + " (U+"
                + Integer.toHexString(unit).toUpperCase(Locale.ROOT)
                + " is a surrogate, not a character)",
            line,
            column,
            null);
      }
      if (unit == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
    }
  }

  private static XmlNode readDocument(XMLStreamReader2 reader, int lineOffset)
      throws XMLStreamException, XmlReadException {
    Deque<XmlNode> open = new ArrayDeque<>();
    // one text buffer: each open element remembers where its text starts; a child's text is cut off
    // when it ends
    StringBuilder text = new StringBuilder();
    int[] textStart = new int[64];
    XmlNode root = null;
    Diagrams diagrams = null;
    boolean suppressions = false;
    while (reader.hasNext()) {
      int event = reader.next();
      switch (event) {
        case XMLStreamConstants.START_ELEMENT -> {
          checkAttributes(reader, lineOffset);
          if (DI_NS.equals(reader.getNamespaceURI()) && !open.isEmpty()) {
            // the diagram: half of a modeler's file, kept beside the tree as the engine reads it
            if (open.size() == 1 && "BPMNDiagram".equals(reader.getLocalName())) {
              diagrams = diagrams != null ? diagrams : new Diagrams();
              readDiagram(reader, lineOffset, diagrams);
            } else {
              reader.skipElement();
            }
            continue;
          }
          XmlNode node = node(reader, lineOffset);
          if (open.isEmpty()) {
            root = node;
            Map<String, String> declared = new HashMap<>();
            for (int i = 0; i < reader.getNamespaceCount(); i++) {
              String prefix = reader.getNamespacePrefix(i);
              declared.put(prefix == null ? "" : prefix, reader.getNamespaceURI(i));
            }
            node.declareNamespaces(declared);
          } else {
            open.peek().addChild(node);
            suppressions = suppressions || node.isSuppression();
          }
          // counted as the engine's guard counts: an empty element tag opens no level
          if (open.size() >= MAX_ELEMENT_DEPTH && !reader.isEmptyElement()) {
            throw XmlReadException.refused(
                nestedTooDeep(MAX_ELEMENT_DEPTH, node.line()), node.line(), node.column());
          }
          if (open.size() == textStart.length) {
            textStart = Arrays.copyOf(textStart, textStart.length * 2);
          }
          textStart[open.size()] = text.length();
          open.push(node);
        }
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
          if (!open.isEmpty()) {
            text.append(reader.getTextCharacters(), reader.getTextStart(), reader.getTextLength());
          }
        }
        case XMLStreamConstants.ENTITY_REFERENCE ->
            throw new XmlReadException(
                "entity reference '&" + reader.getLocalName() + ";' is not resolved",
                reader.getLocation().getLineNumber() + lineOffset,
                reader.getLocation().getColumnNumber(),
                null);
        case XMLStreamConstants.END_ELEMENT -> {
          XmlNode closed = open.pop();
          int start = textStart[open.size()];
          if (text.length() > start) {
            closed.setText(text.substring(start));
            text.setLength(start);
          }
        }
        default -> {
          // comments, processing instructions, DOCTYPE (ignored, never resolved)
        }
      }
    }
    if (root != null) {
      root.maySuppress(suppressions); // every element was seen: the linter need not search again
      root.diagrams(diagrams);
    }
    if (root == null) {
      throw new XmlReadException("no root element", 0, 0, null);
    }
    return root;
  }

  /** Refuses the element the reader is at where it has more attributes than the engine reads. */
  private static void checkAttributes(XMLStreamReader2 reader, int lineOffset)
      throws XmlReadException {
    if (reader.getAttributeCount() > MAX_ATTRIBUTES) {
      Location location = reader.getLocation();
      int line = location.getLineNumber() + lineOffset;
      throw XmlReadException.refused(
          "element '"
              + reader.getLocalName()
              + "' (line "
              + line
              + ") has "
              + String.format(Locale.ROOT, "%,d", reader.getAttributeCount())
              + " attributes, more than the "
              + String.format(Locale.ROOT, "%,d", MAX_ATTRIBUTES)
              + " the engine's XML parser (the JDK's) reads: the engine refuses to deploy the file",
          line,
          location.getColumnNumber());
    }
  }

  /** The element the reader is at, without children; positioned where its start tag ends. */
  private static XmlNode node(XMLStreamReader2 reader, int lineOffset) throws XMLStreamException {
    int count = reader.getAttributeCount();
    String[] attributes = new String[count * 3];
    for (int i = 0; i < count; i++) {
      String namespace = reader.getAttributeNamespace(i);
      attributes[3 * i] = namespace == null ? "" : namespace;
      attributes[3 * i + 1] = reader.getAttributeLocalName(i);
      attributes[3 * i + 2] = reader.getAttributeValue(i);
    }
    // where the start tag ends, as the engine's own parser reports it, so positions agree
    // everywhere
    Location location = reader.getLocationInfo().getEndLocation();
    return new XmlNode(
        reader.getNamespaceURI(),
        reader.getLocalName(),
        attributes,
        location.getLineNumber() + lineOffset,
        location.getColumnNumber(),
        null);
  }

  /**
   * Reads one {@code BPMNDiagram} (the reader at its start tag, left at its end tag) as the engine
   * reads it: the planes directly in it, the shapes and edges directly in a plane, the {@code
   * Bounds} directly in a shape and in its label, the {@code waypoint}s directly in an edge; and
   * every element with an id. Nothing else of it is kept.
   */
  private static void readDiagram(XMLStreamReader2 reader, int lineOffset, Diagrams diagrams)
      throws XMLStreamException, XmlReadException {
    int depth = 1;
    int planes = 0;
    Diagrams.Part plane = null;
    XmlNode drawing = null; // the shape or edge being read
    boolean label = false; // inside its label
    int parts = 0;
    String unreadable = null; // the attribute
    String unreadableValue = null;
    boolean inLabel = false;
    String diagramId = reader.getAttributeValue(null, "id");
    if (diagramId != null) {
      diagrams.addId(diagramId, node(reader, lineOffset));
    }
    while (depth > 0) {
      int event = reader.next();
      if (event == XMLStreamConstants.END_ELEMENT) {
        if (depth == 3 && drawing != null) {
          diagrams.add(
              new Diagrams.Part(drawing, parts, unreadable, unreadableValue, inLabel, plane));
          drawing = null;
        } else if (depth == 4) {
          label = false;
        } else if (depth == 2) {
          plane = null; // what follows in the diagram is on no plane
        }
        depth--;
        continue;
      }
      if (event != XMLStreamConstants.START_ELEMENT) {
        continue;
      }
      checkAttributes(reader, lineOffset);
      depth++;
      String namespace = reader.getNamespaceURI();
      String name = reader.getLocalName();
      XmlNode element = null;
      String[] numbers = null; // of the Bounds or waypoint reached
      if (depth == 2 && DI_NS.equals(namespace) && "BPMNPlane".equals(name)) {
        element = node(reader, lineOffset);
        plane = new Diagrams.Part(element, ++planes, null, null, false, null);
        diagrams.add(plane);
      } else if (depth == 3
          && plane != null
          && DI_NS.equals(namespace)
          && ("BPMNShape".equals(name) || "BPMNEdge".equals(name))) {
        element = drawing = node(reader, lineOffset);
        parts = 0;
        unreadable = null;
        unreadableValue = null;
        inLabel = false;
      } else if (depth == 4 && drawing != null) {
        boolean shape = "BPMNShape".equals(drawing.localName());
        label = DI_NS.equals(namespace) && "BPMNLabel".equals(name);
        if (shape
            ? DC_NS.equals(namespace) && "Bounds".equals(name)
            : OMG_DI_NS.equals(namespace) && "waypoint".equals(name)) {
          numbers = shape ? BOUNDS : WAYPOINT;
          parts++;
        }
      } else if (depth == 5 && label && DC_NS.equals(namespace) && "Bounds".equals(name)) {
        numbers = BOUNDS;
      }
      // the schema's validation reads the numbers of every Bounds (a label's too) and waypoint
      if (numbers != null && unreadable == null) {
        unreadable = unreadableNumber(reader, numbers);
        unreadableValue = unreadable == null ? null : reader.getAttributeValue(null, unreadable);
        inLabel = unreadable != null && depth == 5;
      }
      String id = reader.getAttributeValue(null, "id");
      if (id != null) {
        diagrams.addId(id, element != null ? element : node(reader, lineOffset));
      }
    }
  }

  /**
   * A number as the BPMN schema's {@code xsd:double} writes it, surrounding white space aside: what
   * the engine's schema validation takes.
   */
  private static final Pattern XSD_DOUBLE =
      Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?|-?INF|NaN");

  /**
   * The first of these attributes that is missing or not a number as the schema writes one; null
   * when none.
   */
  private static String unreadableNumber(XMLStreamReader2 reader, String[] names) {
    for (String name : names) {
      String value = reader.getAttributeValue(null, name);
      if (value == null || !XSD_DOUBLE.matcher(value.strip()).matches()) {
        return name;
      }
    }
    return null;
  }

  /** Convenience for callers that hold a stream they own. */
  public static XmlNode readAndClose(InputStream in) throws XmlReadException, IOException {
    try (in) {
      return read(in);
    }
  }
}
