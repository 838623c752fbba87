package io.checkup.stats;

import java.io.IOException;
import java.net.InetAddress;
import java.util.UUID;

/** The name a node writes its statistics rows under when no {@code statsNodeId} is set. */
public final class NodeIds {

  private NodeIds() {}

  /**
   * {@code host/engine/random}: the random part keeps two nodes of one host and engine apart; the
   * tables keep 128 characters, so a long host name is cut, never the random part.
   */
  public static String generated(String engineName) {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (IOException | RuntimeException e) {
      host = "localhost";
    }
    String own = "/" + engineName + "/" + UUID.randomUUID().toString().substring(0, 8);
    String node =
        host.substring(
                0,
                Math.max(0, Math.min(host.length(), StatsSettings.NODE_ID_LENGTH - own.length())))
            + own;
    if (node.length() > StatsSettings.NODE_ID_LENGTH) {
      node = node.substring(node.length() - StatsSettings.NODE_ID_LENGTH);
    }
    return node;
  }
}
