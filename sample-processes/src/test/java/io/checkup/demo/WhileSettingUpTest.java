package io.checkup.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * A request that reaches the demo while it sets up its companies is told to come back, in the
 * engine's error shape, instead of reading a report without its data or having its work stamped on
 * the set-up's back-dated clock; once the set-up is done it passes.
 */
class WhileSettingUpTest {

  @Test
  void theApisAnswer503WithRetryAfterUntilTheSetUpIsDone() throws Exception {
    WhileSettingUp filter = new WhileSettingUp();

    MockHttpServletResponse early = new MockHttpServletResponse();
    MockFilterChain notReached = new MockFilterChain();
    filter.doFilter(
        new MockHttpServletRequest("GET", "/engine-rest/checkup/report"), early, notReached);

    assertThat(early.getStatus()).isEqualTo(503);
    assertThat(early.getHeader("Retry-After")).isEqualTo("5");
    assertThat(early.getContentType()).startsWith("application/json");
    JsonNode body = new ObjectMapper().readTree(early.getContentAsString());
    assertThat(body.path("type").asText()).isEqualTo("ServiceUnavailable");
    assertThat(body.path("message").asText()).contains("still setting up");
    assertThat(notReached.getRequest()).as("the request went no further").isNull();

    filter.done();
    MockHttpServletResponse later = new MockHttpServletResponse();
    MockFilterChain reached = new MockFilterChain();
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/engine-rest/engine");
    filter.doFilter(request, later, reached);

    assertThat(reached.getRequest()).isSameAs(request);
    assertThat(later.getStatus()).isEqualTo(200);
  }
}
