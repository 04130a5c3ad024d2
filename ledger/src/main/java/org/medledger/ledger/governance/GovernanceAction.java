package org.medledger.ledger.governance;

/** A change the organisations decide together, carried out once enough of them approve it. */
public sealed interface GovernanceAction permits GovernanceAction.AddValidator, GovernanceAction.RemoveValidator {

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
}
