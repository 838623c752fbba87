package io.checkup.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
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
  void aUtf16DocumentIsNotScanned() throws IOException {
    byte[] xml = "<a><b><c></c></b></a>".getBytes(StandardCharsets.UTF_16);
    try (InputStream in = new XmlDepthGuard(new ByteArrayInputStream(xml), 1)) {
      assertThat(in.readAllBytes()).isEqualTo(xml);
    }
  }
}
