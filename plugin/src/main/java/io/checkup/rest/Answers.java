package io.checkup.rest;

import io.checkup.engine.LintBusyException;
import io.checkup.lint.PlainText;
import io.checkup.report.ReportFormats;
import io.checkup.report.ReportUnavailableException;
import io.checkup.report.page.ReportPages;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The answers the check-up's resources give, in Camunda's REST API and in Cockpit alike: JSON,
 * pages that may run no script, and errors in Camunda's own shape ({@code {"type", "message"}}).
 */
public final class Answers {

  private static final Logger LOG = LoggerFactory.getLogger("io.checkup.rest");

  private Answers() {}

  public static Response json(Object body) {
    return Response.ok(ReportFormats.json(body), MediaType.APPLICATION_JSON + "; charset=UTF-8")
        .build();
  }

  /**
   * A CSV download: {@code name} becomes the file's name, every character but letters, digits,
   * {@code .}, {@code _} and {@code -} replaced by {@code _}.
   */
  public static Response csv(String body, String name) {
    return Response.ok(body, "text/csv; charset=UTF-8")
        .header(
            "Content-Disposition",
            "attachment; filename=\"" + name.replaceAll("[^A-Za-z0-9._-]", "_") + ".csv\"")
        .header("X-Content-Type-Options", "nosniff")
        .build();
  }

  /**
   * How many path segments the page answering this request lies below the root its links are
   * relative to: {@code segments}, one more when its address ends in a slash ({@code /report/},
   * which is served too).
   */
  public static int depth(UriInfo uri, int segments) {
    return uri != null && uri.getPath(false).endsWith("/") ? segments + 1 : segments;
  }

  /** A page of the report: it needs nothing but its own inline styles. */
  public static Response html(String page) {
    return page(Response.ok(), page).build();
  }

  private static Response.ResponseBuilder page(Response.ResponseBuilder answer, String page) {
    return answer
        .entity(page)
        .type(MediaType.TEXT_HTML + "; charset=UTF-8")
        // no script may run, nothing may be loaded
        .header(
            "Content-Security-Policy",
            "default-src 'none'; style-src 'unsafe-inline'; img-src data:")
        .header("X-Content-Type-Options", "nosniff");
  }

  /** The answer to a request for a page, and an error of it as a page too ({@link #asPage}). */
  public static Response pageEvenOnError(Supplier<Response> answer) {
    Response response;
    try {
      response = answer.get();
    } catch (WebApplicationException e) {
      response = e.getResponse();
    }
    return response.getStatus() < 400 ? response : asPage(response);
  }

  /**
   * An error answer (Camunda's JSON shape, as {@link #error} makes it) as a page with the same
   * status and message, for a request that asked for a page: a partner following a link from a
   * mailed page, or a client's history that is not there. A {@code Retry-After} stays.
   */
  public static Response asPage(Response error) {
    Response.StatusType status = error.getStatusInfo();
    String message =
        error.getEntity() == null ? status.getReasonPhrase() : String.valueOf(error.getEntity());
    try {
      message = ReportFormats.message(message);
    } catch (RuntimeException e) {
      // not the JSON shape: the text as it is, escaped like any other
    }
    Response.ResponseBuilder answer =
        page(
            Response.status(status),
            ReportPages.error(status.getStatusCode() + " " + status.getReasonPhrase(), message));
    Object retry = error.getHeaders().getFirst("Retry-After");
    if (retry != null) {
      answer.header("Retry-After", retry);
    }
    return answer.build();
  }

  /** 404, the same whether the thing does not exist or the caller may not see it. */
  public static Response notFound(String message) {
    return error(Response.Status.NOT_FOUND, "InvalidRequestException", message);
  }

  /**
   * 404 for a tenant (null: the tenant-less part) that does not exist, is left out or the caller
   * may not see: the same answer for each.
   */
  public static Response noTenant(String tenantId) {
    return notFound(
        tenantId == null
            ? "No tenant-less part in the check-up."
            : "No tenant '" + echo(tenantId) + "'.");
  }

  /**
   * What a caller sent, as an answer repeats it: on one line and no longer than a name (a path of
   * thousands of characters is not sent back whole).
   */
  public static String echo(String text) {
    return PlainText.oneLine(text, PlainText.NAME_LENGTH);
  }

  /**
   * A flag as Camunda's REST API reads one: absent is false, {@code true} or {@code false} in any
   * case; anything else is a 400, as Camunda answers {@code withoutTenantId=yes}.
   */
  public static boolean flag(String name, String value) {
    if (value == null || value.equalsIgnoreCase("false")) {
      return false;
    }
    if (value.equalsIgnoreCase("true")) {
      return true;
    }
    throw new WebApplicationException(
        badRequest(
            "Cannot convert value '"
                + echo(value)
                + "' of "
                + name
                + " to a boolean: use true or false."));
  }

  /**
   * A count a caller gives: {@code orElse} when not given, a whole number from 1 to {@code max} in
   * ASCII digits (Java would read other scripts' digits too); anything else is a 400 that says so.
   */
  public static int count(String name, String value, int max, int orElse) {
    return value == null ? orElse : count(name, value, value, max);
  }

  /** As {@link #count}, read as {@code ?format} is: blank is not given, padding is ignored. */
  public static int paddedCount(String name, String value, int max, int orElse) {
    return value == null || value.isBlank() ? orElse : count(name, value.trim(), value, max);
  }

  private static int count(String name, String digits, String given, int max) {
    if (digits.matches("[0-9]{1," + String.valueOf(max).length() + "}")) {
      int count = Integer.parseInt(digits);
      if (count >= 1 && count <= max) {
        return count;
      }
    }
    throw new WebApplicationException(
        badRequest(
            name + " must be a whole number from 1 to " + max + ", not '" + echo(given) + "'."));
  }

  public static Response badRequest(String message) {
    return error(Response.Status.BAD_REQUEST, "InvalidRequestException", message);
  }

  public static Response error(Response.Status status, String type, String message) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON)
        .entity(ReportFormats.json(errorBody(type, message)))
        .build();
  }

  /** 503, with Camunda's error body and a time to come back. */
  public static WebApplicationException unavailable(ReportUnavailableException e) {
    if (e.detail() == null) {
      LOG.warn(
          "camunda-checkup: the check-up was asked for but cannot be had now: {}", e.getMessage());
    } else {
      LOG.warn(
          "camunda-checkup: the check-up was asked for but cannot be had now: {} The database said: {}",
          e.getMessage(),
          PlainText.oneLine(e.detail(), PlainText.MESSAGE_LENGTH));
    }
    return serviceUnavailable("ReportUnavailableException", e.getMessage(), 30);
  }

  /** 503 for lint findings that other lints on the node keep from being had now. */
  public static WebApplicationException unavailable(LintBusyException e) {
    LOG.warn(
        "camunda-checkup: lint findings were asked for but cannot be had now: {}", e.getMessage());
    return serviceUnavailable("LintBusyException", e.getMessage(), 10);
  }

  private static WebApplicationException serviceUnavailable(
      String type, String message, int retryAfterSeconds) {
    return new WebApplicationException(
        Response.status(Response.Status.SERVICE_UNAVAILABLE)
            .header("Retry-After", String.valueOf(retryAfterSeconds))
            .type(MediaType.APPLICATION_JSON)
            .entity(ReportFormats.json(errorBody(type, message)))
            .build());
  }

  /** Camunda's own error shape: {@code {"type": ..., "message": ...}}. */
  private static Map<String, Object> errorBody(String type, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type);
    body.put("message", message);
    return body;
  }
}
