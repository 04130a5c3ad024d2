package org.medledger.ledger.governance;

/** A change the organisations decide together, carried out once enough of them approve it. */
public sealed interface GovernanceAction permits GovernanceAction.AddValidator, GovernanceAction.RemoveValidator,
    GovernanceAction.SetParameter {

  /** A short name for events and listings, e.g. {@code validator.add}. */
  String kind();

  /** What it changes, in a few words. */
  String describe();

  /** A new validator joins the set. */
  record AddValidator(ValidatorInfo validator) implements GovernanceAction {
    @Override
    public String kind() {
      return "validator.add";
    }

    @Override
    public String describe() {
      return "add validator " + validator.id() + " of " + validator.organisation() + " at " + validator.address();
    }
  }

  /** A validator leaves the set. */
  record RemoveValidator(String id) implements GovernanceAction {
    @Override
    public String kind() {
      return "validator.remove";
    }

    @Override
    public String describe() {
      return "remove validator " + id;
    }
  }

  /**
   * A governed parameter takes a new value (see {@link GovernedParameter}), from the transaction
   * that carries out the change.
   */
  record SetParameter(String name, byte[] value) implements GovernanceAction {
    public SetParameter {
      if (!GovernedParameter.isWellFormedName(name)) {
        throw new IllegalArgumentException("'" + name + "' is not a parameter name");
      }
      if (value == null) {
        throw new IllegalArgumentException("a parameter needs a value");
      }
      value = value.clone();
    }

    @Override
    public byte[] value() {
      return value.clone();
    }

    /** The SHA-256 of the value, as events and listings name it. */
    public org.medledger.ledger.Digest digest() {
      return org.medledger.ledger.Digest.sha256(value);
    }

    @Override
    public String kind() {
      return "parameter.set";
    }

    @Override
    public String describe() {
      return "set parameter " + name + " to " + value.length + " bytes with SHA-256 " + digest().hex();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof SetParameter that && name.equals(that.name)
          && java.util.Arrays.equals(value, that.value);
    }

    @Override
    public int hashCode() {
      return 31 * name.hashCode() + java.util.Arrays.hashCode(value);
    }

    @Override
    public String toString() {
      return "SetParameter[name=" + name + ", digest=" + digest().hex() + "]";
    }
  }
}
