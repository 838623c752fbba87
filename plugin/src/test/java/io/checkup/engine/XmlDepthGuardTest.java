package io.checkup.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The byte scan behind the deploy-time nesting guard: what counts as a level and what does not. */
class XmlDepthGuardTest {

  private static void readThrough(String xml, int limit) throws IOException {
    try (InputStream in =
        new XmlDepthGuard(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), limit)) {
      byte[] buffer = new byte[7]; // small reads: a tag split across reads counts the same
      while (in.read(buffer, 0, buffer.length) >= 0) {
        // reading is the test
      }
    }
  }

  private static void readThrough(byte[] bytes, int limit) throws IOException {
    try (InputStream in = new XmlDepthGuard(new ByteArrayInputStream(bytes), limit)) {
      byte[] buffer =
          new byte[7]; // an odd size: characters of two and four bytes split across reads
      while (in.read(buffer, 0, buffer.length) >= 0) {
        // reading is the test
      }
    }
  }

  /**
   * A document in UTF-16 or UTF-32 is followed a character at a time. Read byte by byte, every end
   * tag looked like a start tag (the byte after '<' is a zero), so a flat model of a few hundred
   * elements was refused as too deep, and with a byte order mark the guard was off altogether.
   */
  @Test
  void utf16AndUtf32AreFollowedACharacterAtATimeWithOrWithoutAMark() throws IOException {
    String flat =
        "<?xml version=\"1.0\"?>\n<a>"
            + "<b name=\"\u00e4\ud83d\ude00\">x</b>\n".repeat(600)
            + "</a>";
    String deep = "<a>\n<b>\n<c>\n<d>\n</d></c></b></a>";
    for (String name : new String[] {"UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE"}) {
      Charset charset = Charset.forName(name);
      for (String mark : new String[] {"", "\ufeff"}) {
        String label = name + (mark.isEmpty() ? " without" : " with") + " a mark";
        readThrough((mark + flat).getBytes(charset), 3);

        XmlDepthGuard.TooDeepException deeper =
            catchThrowableOfType(
                XmlDepthGuard.TooDeepException.class,
                () -> readThrough((mark + deep).getBytes(charset), 3));

        assertThat(deeper)
            .as(label)
            .hasMessageContaining("nested more than 3 levels deep (line 4)");
        // just after the '>' of <d>, the mark not counted
        assertThat(deeper.column).as(label).isEqualTo(4);
      }
    }
  }

  /**
   * The column of a refusal is where Camunda's own parser puts an element's: just after the end of
   * its start tag, counted from the line's start (CRLF or LF), without a byte order mark, whatever
   * the size of the reads. A model written on one line is the usual hostile one.
   */
  @Test
  void theColumnIsWhereTheTagEndsAsCamundaCountsIt() throws IOException {
    String oneLine = "<a><b x='>'><c>";
    for (String mark : new String[] {"", "\ufeff"}) {
      for (String text : new String[] {oneLine, "<r>\r\n" + oneLine, "<r>\n" + oneLine}) {
        XmlDepthGuard.TooDeepException deeper =
            catchThrowableOfType(
                XmlDepthGuard.TooDeepException.class,
                () ->
                    readThrough(
                        (mark + text).getBytes(StandardCharsets.UTF_8),
                        text.startsWith("<r>") ? 3 : 2));
        assertThat(deeper.column).as("%s", text).isEqualTo(oneLine.length() + 1);
      }
    }
  }

  @Test
  void levelsUpToTheLimitPassAndOneMoreStopsTheRead() throws IOException {
    readThrough("<a><b><c/></b></a>", 2);

    XmlDepthGuard.TooDeepException deeper =
        catchThrowableOfType(
            XmlDepthGuard.TooDeepException.class,
            () -> readThrough("<a>\n<b>\n<c>\n</c></b></a>", 2));

    assertThat(deeper)
        .hasMessageStartingWith("elements are nested more than 2 levels deep (line 3)");
  }

  @Test
  void theLineNamedCountsLineEndsInTextAndInsideTagsAndQuotedValues() {
    XmlDepthGuard.TooDeepException deeper =
        catchThrowableOfType(
            XmlDepthGuard.TooDeepException.class,
            () -> readThrough("<a\n b='1\n2'\n c=\"3\n\">\n\n<b>text\n<c>", 2));

    assertThat(deeper).hasMessageContaining("(line 8)");
  }

  @Test
  void byteByByteReadsStopWhereChunkedReadsStop() throws IOException {
    String xml = "<a>\n<b attr='<x>'>\n<!-- <y> -->\n<c>\n<d>";
    try (InputStream in =
        new XmlDepthGuard(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), 3)) {
      XmlDepthGuard.TooDeepException deeper =
          catchThrowableOfType(
              XmlDepthGuard.TooDeepException.class,
              () -> {
                while (in.read() >= 0) {
                  // one byte at a time, as a parser may read
                }
              });
      assertThat(deeper).hasMessageContaining("(line 5)");
    }
  }

  @Test
  void closedElementsGiveTheirLevelBack() throws IOException {
    readThrough("<a>" + "<b><c></c></b>".repeat(1_000) + "</a>", 3);
  }

  @Test
  void markupThatLooksLikeTagsIsNotCounted() throws IOException {
    readThrough(
        """
        <?xml version="1.0"?>
        <?pi <x><y><z>?>
        <a name="<b><c>" other='/>'>
          <!-- <d><e><f> -->
          <![CDATA[ <g><h><i> ]]>
          <b/>
        </a>
        """,
        1);
  }

  @Test
  void aUtf16DocumentPassesUnchangedAndIsScanned() throws IOException {
    byte[] xml = "<a><b><c></c></b></a>".getBytes(StandardCharsets.UTF_16);
    try (InputStream in = new XmlDepthGuard(new ByteArrayInputStream(xml), 3)) {
      assertThat(in.readAllBytes()).isEqualTo(xml);
    }
    try (InputStream in = new XmlDepthGuard(new ByteArrayInputStream(xml), 2)) {
      assertThat(catchThrowableOfType(XmlDepthGuard.TooDeepException.class, in::readAllBytes))
          .isNotNull();
    }
  }
}
