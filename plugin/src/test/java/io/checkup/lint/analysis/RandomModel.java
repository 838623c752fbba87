package io.checkup.lint.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A random process for the property tests, built by composing sound blocks (sequences, exclusive,
 * parallel and inclusive blocks, loops, activities with boundary events, event-based choices), in a
 * representation of its own, so that the brute-force explorer does not share code with the linter.
 * {@link #inject} adds one random defect; {@link #xml} writes the BPMN the linter reads.
 */
final class RandomModel {

  enum Type {
    START,
    END,
    TASK,
    SUB_PROCESS,
    CATCH,
    BOUNDARY,
    XOR,
    AND,
    OR,
    EVENT_GATEWAY
  }

  static final class Node {
    final String id;
    Type type;
    boolean cancel = true;
    Node attachedTo;

    Node(String id, Type type) {
      this.id = id;
      this.type = type;
    }

    boolean isGateway() {
      return type == Type.XOR || type == Type.AND || type == Type.OR || type == Type.EVENT_GATEWAY;
    }

    @Override
    public String toString() {
      return id + ":" + type + (type == Type.BOUNDARY ? (cancel ? "!" : "~") + attachedTo.id : "");
    }
  }

  static final class Flow {
    final String id;
    Node source;
    Node target;
    boolean conditional;
    boolean isDefault;

    Flow(String id, Node source, Node target) {
      this.id = id;
      this.source = source;
      this.target = target;
    }

    @Override
    public String toString() {
      return source.id + "->" + target.id + (conditional ? "?" : "") + (isDefault ? "*" : "");
    }
  }

  final List<Node> nodes = new ArrayList<>();
  final List<Flow> flows = new ArrayList<>();
  final List<String> defects = new ArrayList<>();
  private final Random random;

  private RandomModel(Random random) {
    this.random = random;
  }

  /** A sound model of about {@code size} flow nodes. */
  static RandomModel sound(long seed, int size) {
    RandomModel model = new RandomModel(new Random(seed));
    Node start = model.node(Type.START);
    Node[] block = model.block(size - 2, 0, false);
    model.flow(start, block[0]);
    model.flow(block[1], model.node(Type.END));
    return model;
  }

  List<Flow> incoming(Node node) {
    return flows.stream().filter(f -> f.target == node).toList();
  }

  List<Flow> outgoing(Node node) {
    return flows.stream().filter(f -> f.source == node).toList();
  }

  List<Node> boundaries(Node node) {
    return nodes.stream().filter(n -> n.attachedTo == node).toList();
  }

  private Node node(Type type) {
    Node node = new Node("n" + nodes.size(), type);
    nodes.add(node);
    return node;
  }

  private Flow flow(Node from, Node to) {
    Flow flow = new Flow("f" + flows.size(), from, to);
    flows.add(flow);
    return flow;
  }

  /** A block of about {@code budget} nodes: its entry and its exit node. */
  private Node[] block(int budget, int depth, boolean inLoop) {
    if (budget <= 1 || depth > 4) {
      Node task = node(Type.TASK);
      return new Node[] {task, task};
    }
    int choice = random.nextInt(8);
    switch (choice) {
      case 0, 1 -> {
        int first = 1 + random.nextInt(budget - 1);
        Node[] a = block(first, depth + 1, inLoop);
        Node[] b = block(budget - first, depth + 1, inLoop);
        flow(a[1], b[0]);
        return new Node[] {a[0], b[1]};
      }
      case 2, 3, 4 -> {
        // no inclusive block in a loop: Camunda 7's inclusive join waits for a token that can come
        // around the loop, so a concurrent branch beside it there deadlocks
        Type kind = choice == 2 ? Type.XOR : choice == 3 || inLoop ? Type.AND : Type.OR;
        Node split = node(kind);
        Node join = node(kind);
        int branches = 2 + random.nextInt(2);
        int each = Math.max(1, (budget - 2) / branches);
        boolean fallback = kind == Type.OR && random.nextBoolean();
        for (int i = 0; i < branches; i++) {
          Node[] branch = block(each, depth + 1, inLoop);
          Flow out = flow(split, branch[0]);
          if (kind == Type.OR) {
            out.isDefault = fallback && i == 0;
            out.conditional = !out.isDefault;
          }
          flow(branch[1], join);
        }
        return new Node[] {split, join};
      }
      case 5 -> {
        Node merge = node(Type.XOR);
        Node[] body = block(budget - 2, depth + 1, true);
        Node again = node(Type.XOR);
        flow(merge, body[0]);
        flow(body[1], again);
        flow(again, merge);
        return new Node[] {merge, again};
      }
      case 6 -> {
        Node activity = node(random.nextBoolean() ? Type.TASK : Type.SUB_PROCESS);
        Node boundary = node(Type.BOUNDARY);
        boundary.attachedTo = activity;
        boundary.cancel = random.nextBoolean();
        Node handle = node(Type.TASK);
        flow(boundary, handle);
        if (boundary.cancel) {
          Node merge = node(Type.XOR);
          flow(activity, merge);
          flow(handle, merge);
          return new Node[] {activity, merge};
        }
        flow(handle, node(Type.END));
        return new Node[] {activity, activity};
      }
      default -> {
        Node gateway = node(Type.EVENT_GATEWAY);
        Node merge = node(Type.XOR);
        for (int i = 0; i < 2; i++) {
          Node event = node(Type.CATCH);
          flow(gateway, event);
          Node[] after = block(Math.max(1, (budget - 4) / 2), depth + 1, inLoop);
          flow(event, after[0]);
          flow(after[1], merge);
        }
        return new Node[] {gateway, merge};
      }
    }
  }

  /** One random defect: a gateway's kind changed, a flow moved or removed, a boundary toggled. */
  RandomModel inject() {
    switch (random.nextInt(4)) {
      case 0 -> {
        List<Node> gateways =
            nodes.stream().filter(n -> n.type == Type.XOR || n.type == Type.AND).toList();
        if (!gateways.isEmpty()) {
          Node gateway = gateways.get(random.nextInt(gateways.size()));
          Type[] kinds = {Type.XOR, Type.AND, Type.OR};
          Type kind = kinds[random.nextInt(3)];
          defects.add(gateway.id + " " + gateway.type + " -> " + kind);
          gateway.type = kind;
          if (kind == Type.OR) {
            for (Flow out : outgoing(gateway)) {
              out.conditional = true;
            }
          }
          return this;
        }
      }
      case 1 -> {
        Flow flow = flows.get(random.nextInt(flows.size()));
        List<Node> targets =
            nodes.stream()
                .filter(n -> n.type != Type.START && n.type != Type.BOUNDARY)
                .filter(n -> n.type != Type.CATCH || flow.source.type == Type.EVENT_GATEWAY)
                .toList();
        Node target = targets.get(random.nextInt(targets.size()));
        defects.add("moved " + flow + " to " + target.id);
        flow.target = target;
        return this;
      }
      case 2 -> {
        Flow flow = flows.get(random.nextInt(flows.size()));
        defects.add("removed " + flow);
        flows.remove(flow);
        return this;
      }
      default -> {
        List<Node> boundaries = nodes.stream().filter(n -> n.type == Type.BOUNDARY).toList();
        if (!boundaries.isEmpty()) {
          Node boundary = boundaries.get(random.nextInt(boundaries.size()));
          boundary.cancel = !boundary.cancel;
          defects.add("toggled " + boundary);
          return this;
        }
      }
    }
    Flow flow = flows.get(random.nextInt(flows.size()));
    defects.add("removed " + flow);
    flows.remove(flow);
    return this;
  }

  /** The model as BPMN 2.0 XML. */
  String xml() {
    StringBuilder xml = new StringBuilder();
    xml.append(
        "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" id=\"d\""
            + " targetNamespace=\"urn:test\">\n<process id=\"p\" isExecutable=\"true\">\n");
    for (Node node : nodes) {
      String defaultFlow =
          outgoing(node).stream()
              .filter(f -> f.isDefault)
              .map(f -> " default=\"" + f.id + "\"")
              .findFirst()
              .orElse("");
      switch (node.type) {
        case START -> xml.append("<startEvent id=\"").append(node.id).append("\"/>\n");
        case END -> xml.append("<endEvent id=\"").append(node.id).append("\"/>\n");
        case TASK -> xml.append("<task id=\"").append(node.id).append("\"/>\n");
        case SUB_PROCESS ->
            // a wait state inside: the sub-process waits, as the explorer takes it (one that runs
            // through moves on in its transaction, like a task that runs code)
            xml.append("<subProcess id=\"")
                .append(node.id)
                .append("\"><startEvent id=\"")
                .append(node.id)
                .append("s\"/><receiveTask id=\"")
                .append(node.id)
                .append("w\"/><endEvent id=\"")
                .append(node.id)
                .append("e\"/><sequenceFlow id=\"")
                .append(node.id)
                .append("f\" sourceRef=\"")
                .append(node.id)
                .append("s\" targetRef=\"")
                .append(node.id)
                .append("w\"/><sequenceFlow id=\"")
                .append(node.id)
                .append("g\" sourceRef=\"")
                .append(node.id)
                .append("w\" targetRef=\"")
                .append(node.id)
                .append("e\"/></subProcess>\n");
        case CATCH ->
            xml.append("<intermediateCatchEvent id=\"")
                .append(node.id)
                .append("\"><messageEventDefinition/></intermediateCatchEvent>\n");
        case BOUNDARY ->
            xml.append("<boundaryEvent id=\"")
                .append(node.id)
                .append("\" attachedToRef=\"")
                .append(node.attachedTo.id)
                .append("\" cancelActivity=\"")
                .append(node.cancel)
                .append("\"><timerEventDefinition><timeDuration>PT1H</timeDuration>")
                .append("</timerEventDefinition></boundaryEvent>\n");
        case XOR ->
            xml.append("<exclusiveGateway id=\"")
                .append(node.id)
                .append('"')
                .append(defaultFlow)
                .append("/>\n");
        case AND -> xml.append("<parallelGateway id=\"").append(node.id).append("\"/>\n");
        case OR ->
            xml.append("<inclusiveGateway id=\"")
                .append(node.id)
                .append('"')
                .append(defaultFlow)
                .append("/>\n");
        case EVENT_GATEWAY ->
            xml.append("<eventBasedGateway id=\"").append(node.id).append("\"/>\n");
        default -> throw new IllegalStateException(node.type.toString());
      }
    }
    for (Flow flow : flows) {
      xml.append("<sequenceFlow id=\"")
          .append(flow.id)
          .append("\" sourceRef=\"")
          .append(flow.source.id)
          .append("\" targetRef=\"")
          .append(flow.target.id)
          .append('"');
      if (flow.conditional) {
        xml.append("><conditionExpression>${c}</conditionExpression></sequenceFlow>\n");
      } else {
        xml.append("/>\n");
      }
    }
    return xml.append("</process>\n</definitions>\n").toString();
  }

  @Override
  public String toString() {
    return nodes + "\n" + flows + "\ndefects: " + defects;
  }
}
