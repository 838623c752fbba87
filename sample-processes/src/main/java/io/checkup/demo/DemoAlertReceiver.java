package io.checkup.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.checkup.lint.PlainText;
import io.checkup.rest.Caller;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The demo's own alert receiver (docs/alerts.md): {@code POST /demo/alerts} takes an alert, checks
 * its signature with the demo's secret (401 without a valid one), drops repeats by {@code
 * Idempotency-Key} and logs one line; {@code GET /demo/alerts} lists the last 100, newest first, to
 * an administrator when the demo's authentication is on ({@code --checkup.demo.auth=true}): the
 * alerts name every client and its score. What a partner's receiver would do, in a few lines; not
 * part of the plugin.
 */
@RestController
public class DemoAlertReceiver {

  private static final Logger LOG = LoggerFactory.getLogger(DemoAlertReceiver.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int KEPT = 100;

  /** One alert as the receiver took it. */
  public record Received(
      String receivedAt,
      String idempotencyKey,
      boolean signatureValid,
      int repeats,
      JsonNode alert) {}

  private final String secret;
  private final boolean auth;
  private final ProcessEngine engine;
  private final Deque<Received> received = new ArrayDeque<>();

  public DemoAlertReceiver(
      @Value("${checkup.alerts.webhook-secret:}") String secret,
      @Value("${checkup.demo.auth:false}") boolean auth,
      ProcessEngine engine) {
    this.secret = secret;
    this.auth = auth;
    this.engine = engine;
  }

  @PostMapping(path = "/demo/alerts", consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Void> receive(
      @RequestHeader(name = "Idempotency-Key", required = false) String key,
      @RequestHeader(name = "X-Checkup-Signature", required = false) String signature,
      @RequestBody byte[] body) {
    boolean valid = signature != null && !secret.isEmpty() && signs(body, signature);
    if (!valid && !secret.isEmpty()) {
      LOG.warn("demo alert receiver: a request without a valid signature, refused");
      return ResponseEntity.status(401).build();
    }
    JsonNode alert;
    try {
      alert = JSON.readTree(body);
    } catch (IOException e) {
      return ResponseEntity.badRequest().build();
    }
    synchronized (received) {
      for (Received earlier : received) {
        if (earlier.idempotencyKey() != null && earlier.idempotencyKey().equals(key)) {
          received.remove(earlier);
          received.addFirst(
              new Received(
                  earlier.receivedAt(),
                  key,
                  earlier.signatureValid(),
                  earlier.repeats() + 1,
                  earlier.alert()));
          return ResponseEntity.noContent().build(); // a repeat: already taken
        }
      }
      received.addFirst(new Received(Instant.now().toString(), key, valid, 0, alert));
      while (received.size() > KEPT) {
        received.removeLast();
      }
    }
    LOG.info(
        "demo alert receiver: {} {} -> {} (score {}), signature {}",
        alert.path("tenantId").isNull()
            ? "(no tenant)"
            : PlainText.oneLine(alert.path("tenantId").asText(), PlainText.NAME_LENGTH),
        PlainText.oneLine(alert.path("previousLevel").asText(), PlainText.NAME_LENGTH),
        PlainText.oneLine(alert.path("riskLevel").asText(), PlainText.NAME_LENGTH),
        alert.path("score").asInt(),
        valid ? "valid" : "INVALID");
    return ResponseEntity.noContent().build();
  }

  @GetMapping(path = "/demo/alerts", produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<List<Received>> list(
      @RequestHeader(name = "Authorization", required = false) String authorization) {
    if (auth) {
      Authentication caller = authenticated(authorization);
      if (caller == null) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
            .header("WWW-Authenticate", "Basic realm=\"camunda-checkup demo\"")
            .build();
      }
      if (!Caller.isAdministrator(engine, caller)) {
        // known, but no administrator: asking again for a password would not help
        return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
      }
    }
    synchronized (received) {
      return ResponseEntity.ok(new ArrayList<>(received));
    }
  }

  /**
   * The engine's user that HTTP basic credentials name with the right password, with their groups;
   * null for none.
   */
  private Authentication authenticated(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    String credentials;
    try {
      credentials =
          new String(
              Base64.getDecoder().decode(authorization.substring(6).trim()),
              StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
    int colon = credentials.indexOf(':');
    if (colon < 0) {
      return null;
    }
    String user = credentials.substring(0, colon);
    IdentityService identity = engine.getIdentityService();
    if (!identity.checkPassword(user, credentials.substring(colon + 1))) {
      return null;
    }
    List<String> groups =
        identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
    return new Authentication(user, groups);
  }

  private boolean signs(byte[] body, String signature) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] expected =
          ("sha256=" + HexFormat.of().formatHex(mac.doFinal(body)))
              .getBytes(StandardCharsets.UTF_8);
      return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      return false;
    }
  }
}
