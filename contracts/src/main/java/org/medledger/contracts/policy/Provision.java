package org.medledger.contracts.policy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A rule of a consent, with FHIR R4 {@code Consent.provision} semantics: it applies to a request
 * when every one of its non-empty criteria matches (an empty list means "any"): one of its actors
 * is the requester, its actions hold the action, its purposes the purpose, its classes the data
 * class, one of its labels is on the data, and its own period (if any) holds the time. Nested
 * provisions are exceptions within the scope of their parent, of the same or the opposite type:
 * they are looked at only when the parent applies, and the deepest provision that applies on a
 * branch decides (see {@link Consent}).
 */
public record Provision(
    Type type,
    Period period,
    List<Party> actors,
    Set<Action> actions,
    Set<PurposeOfUse> purposes,
    Set<DataClass> classes,
    Set<SecurityLabel> labels,
    List<Provision> provisions) {

  /** How deep provisions may nest (the root is depth 1): bounds the cost of a decision. */
  public static final int MAX_DEPTH = 8;

  /** Whether a provision allows or forbids what it matches. */
  public enum Type {
    PERMIT,
    DENY
  }

  public Provision {
    Checks.required(type, "a provision's type (permit or deny)");
    actors = Checks.list(actors, "a provision's actors");
    actions = Checks.enumSet(actions, Action.class, "a provision's actions");
    purposes = Checks.enumSet(purposes, PurposeOfUse.class, "a provision's purposes");
    classes = Checks.enumSet(classes, DataClass.class, "a provision's data classes");
    labels = Checks.enumSet(labels, SecurityLabel.class, "a provision's labels");
    provisions = Checks.list(provisions, "a provision's nested provisions");
    int depth = 1 + maxDepth(provisions);
    if (depth > MAX_DEPTH) {
      throw new IllegalArgumentException(
          "provisions nest " + depth + " deep; at most " + MAX_DEPTH + " levels are allowed");
    }
  }

  public static Builder permit() {
    return new Builder(Type.PERMIT);
  }

  public static Builder deny() {
    return new Builder(Type.DENY);
  }

  /** Levels of provisions, this one included. */
  public int depth() {
    return 1 + maxDepth(provisions);
  }

  /** True if this provision or one nested in it permits for purpose {@code purpose}, naming it. */
  public boolean permitsNaming(PurposeOfUse purpose) {
    if (type == Type.PERMIT && purposes.contains(purpose)) {
      return true;
    }
    for (Provision nested : provisions) {
      if (nested.permitsNaming(purpose)) {
        return true;
      }
    }
    return false;
  }

  /** True if this provision or one nested in it is a deny. */
  public boolean hasDeny() {
    if (type == Type.DENY) {
      return true;
    }
    for (Provision nested : provisions) {
      if (nested.hasDeny()) {
        return true;
      }
    }
    return false;
  }

  /** The same provision with {@code nested} added to its exceptions. */
  public Provision withNested(Provision nested) {
    List<Provision> all = new ArrayList<>(provisions);
    all.add(nested);
    return new Provision(type, period, actors, actions, purposes, classes, labels, all);
  }

  private static int maxDepth(List<Provision> provisions) {
    int max = 0;
    for (Provision nested : provisions) {
      max = Math.max(max, nested.depth());
    }
    return max;
  }

  /** Builds a provision; unset criteria are empty ("any"). */
  public static final class Builder {
    private final Type type;
    private Period period;
    private List<Party> actors = List.of();
    private Collection<Action> actions = List.of();
    private Collection<PurposeOfUse> purposes = List.of();
    private Collection<DataClass> classes = List.of();
    private Collection<SecurityLabel> labels = List.of();
    private final List<Provision> provisions = new ArrayList<>();

    private Builder(Type type) {
      this.type = type;
    }

    public Builder period(Period value) {
      this.period = value;
      return this;
    }

    public Builder actors(Party... values) {
      this.actors = Arrays.asList(values);
      return this;
    }

    public Builder actors(Collection<Party> values) {
      this.actors = new ArrayList<>(values);
      return this;
    }

    public Builder actions(Action... values) {
      this.actions = Arrays.asList(values);
      return this;
    }

    public Builder actions(Collection<Action> values) {
      this.actions = new ArrayList<>(values);
      return this;
    }

    public Builder purposes(PurposeOfUse... values) {
      this.purposes = Arrays.asList(values);
      return this;
    }

    public Builder purposes(Collection<PurposeOfUse> values) {
      this.purposes = new ArrayList<>(values);
      return this;
    }

    public Builder classes(DataClass... values) {
      this.classes = Arrays.asList(values);
      return this;
    }

    public Builder classes(Collection<DataClass> values) {
      this.classes = new ArrayList<>(values);
      return this;
    }

    public Builder labels(SecurityLabel... values) {
      this.labels = Arrays.asList(values);
      return this;
    }

    public Builder labels(Collection<SecurityLabel> values) {
      this.labels = new ArrayList<>(values);
      return this;
    }

    /** Adds nested exceptions. */
    public Builder except(Provision... nested) {
      this.provisions.addAll(Arrays.asList(nested));
      return this;
    }

    public Provision build() {
      return new Provision(type, period, actors, new HashSet<>(actions), new HashSet<>(purposes),
          new HashSet<>(classes), new HashSet<>(labels), provisions);
    }
  }
}
