package org.medledger.ledger.governance;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Supplier;
import org.medledger.ledger.Digest;
import org.medledger.ledger.codec.MalformedEncodingException;
import org.medledger.ledger.contract.Contract;
import org.medledger.ledger.contract.ContractException;
import org.medledger.ledger.contract.TxContext;
import org.medledger.ledger.identity.CertificateCodec;
import org.medledger.ledger.identity.CertificateEntry;
import org.medledger.ledger.identity.IdentityDirectory;
import org.medledger.ledger.state.StateView;
import org.medledger.ledger.tx.TransactionType;
import org.medledger.pki.IdentityClaims;
import org.medledger.pki.IdentityExtension;
import org.medledger.pki.OrganisationId;
import org.medledger.pki.PkiException;
import org.medledger.pki.Role;
import org.medledger.pki.ValidationResult;

/**
 * Decisions the organisations of the consortium take together. An organisation's administrator
 * (its registrar) proposes a change, which counts as its organisation's approval; administrators
 * of other organisations approve it; once approvals of {@link #threshold() M} of the N
 * organisations (by default a majority) are on chain, the change is carried out in the block of
 * the last approval. One vote per organisation; a proposal lapses after {@link #LIFETIME}.
 *
 * <p>Changes: a validator joins or leaves the set that seals blocks. A new set seals from the
 * block after the one that carried out the change; the result of that transaction announces it
 * (event {@value #VALIDATORS_CHANGED}) so that anyone can follow the sets from the genesis.
 *
 * <p>Every proposal is kept under {@code governance/proposal/<id>} (the id of the transaction
 * that made it) and listed in the {@link ProposalIndex}, in the order made.
 *
 * <p>A {@link GovernedParameter governed parameter} that a contract declared takes a new value,
 * proposed by any organisation: kept under {@code governance/parameter/<name>}, in force from the
 * transaction that carries the change out, announced by event {@value #PARAMETER_SET}. A name no
 * contract declared is refused ({@code unknown-parameter}), as is a value the parameter's check
 * refuses ({@code invalid-parameter}), when proposed and again when carried out.
 */
public final class GovernanceContract implements Contract {
  public static final TransactionType PROPOSE = TransactionType.of("governance.propose");
  public static final TransactionType APPROVE = TransactionType.of("governance.approve");

  /** How long a proposal stays open, from the time of the block that records it. */
  public static final Duration LIFETIME = Duration.ofDays(7);

  /** The event announcing a new validator set: attributes from-height, validators, digest. */
  public static final String VALIDATORS_CHANGED = "governance.validators-changed";

  /** The event announcing a parameter's new value: attributes name, digest (SHA-256 hex of the value). */
  public static final String PARAMETER_SET = "governance.parameter-set";

  private final IdentityDirectory identities;
  private final int threshold;
  private final Map<String, GovernedParameter> parameters;

  /**
   * @param organisations N, the organisations of the consortium (from the genesis)
   * @param threshold M, the approvals a proposal needs (1..N)
   */
  public GovernanceContract(IdentityDirectory identities, int organisations, int threshold) {
    this(identities, organisations, threshold, List.of());
  }

  /**
   * @param organisations N, the organisations of the consortium (from the genesis)
   * @param threshold M, the approvals a proposal needs (1..N)
   * @param parameters the parameters governance may change, each name once
   */
  public GovernanceContract(IdentityDirectory identities, int organisations, int threshold,
      List<GovernedParameter> parameters) {
    if (organisations < 1 || threshold < 1 || threshold > organisations) {
      throw new IllegalArgumentException("approvals of " + threshold + " of " + organisations + " organisations is "
          + "not a threshold");
    }
    this.identities = identities;
    this.threshold = threshold;
    Map<String, GovernedParameter> byName = new LinkedHashMap<>();
    for (GovernedParameter parameter : parameters) {
      if (!GovernedParameter.isWellFormedName(parameter.name())) {
        throw new IllegalArgumentException("'" + parameter.name() + "' is not a parameter name");
      }
      if (byName.putIfAbsent(parameter.name(), parameter) != null) {
        throw new IllegalArgumentException("parameter " + parameter.name() + " is declared twice");
      }
    }
    this.parameters = Map.copyOf(byName);
  }

  /** A majority of the organisations decides. */
  public static GovernanceContract majority(IdentityDirectory identities, int organisations) {
    return majority(identities, organisations, List.of());
  }

  /** A majority of the organisations decides, also on these parameters. */
  public static GovernanceContract majority(IdentityDirectory identities, int organisations,
      List<GovernedParameter> parameters) {
    return new GovernanceContract(identities, organisations, organisations / 2 + 1, parameters);
  }

  /** The names of the parameters governance may change. */
  public Set<String> parameterNames() {
    return parameters.keySet();
  }

  public int threshold() {
    return threshold;
  }

  @Override
  public Map<TransactionType, Set<Role>> permissions() {
    return Map.of(PROPOSE, Set.of(Role.REGISTRAR), APPROVE, Set.of(Role.REGISTRAR));
  }

  @Override
  public void checkPayload(TransactionType type, byte[] payload) throws ContractException {
    if (type.equals(PROPOSE)) {
      parse(() -> GovernanceCodec.parseProposal(payload));
    } else {
      parse(() -> GovernanceCodec.parseApproval(payload));
    }
  }

  @Override
  public void execute(TxContext context) throws ContractException {
    if (context.type().equals(PROPOSE)) {
      propose(context);
    } else {
      approve(context);
    }
  }

  private void propose(TxContext context) throws ContractException {
    GovernanceAction action = parse(() -> GovernanceCodec.parseProposal(context.payload()));
    String organisation = context.signer().organisation().value();
    if (action instanceof GovernanceAction.AddValidator add && !add.validator().organisation().equals(organisation)) {
      throw new ContractException("foreign-organisation", "an organisation proposes its own validators; "
          + add.validator().id() + " is of " + add.validator().organisation());
    }
    check(action, context);
    Proposal proposal = new Proposal(action, organisation, context.blockHeight(),
        context.blockTime().plus(LIFETIME), List.of(organisation), OptionalLong.empty());
    context.emit("governance.proposed", Map.of("proposal", context.transactionId().hex(), "action", action.kind(),
        "summary", action.describe(), "organisation", organisation, "threshold", Integer.toString(threshold)));
    decide(context, context.transactionId(), proposal);
    ProposalIndex.append(context, context.transactionId());
  }

  private void approve(TxContext context) throws ContractException {
    Digest id = parse(() -> GovernanceCodec.parseApproval(context.payload()));
    Proposal proposal = context.get(GovernanceKeys.proposal(id)).map(GovernanceCodec::decodeProposal)
        .orElseThrow(() -> new ContractException("unknown-proposal", "no proposal " + id.hex() + " on chain"));
    String organisation = context.signer().organisation().value();
    if (!proposal.isOpen()) {
      throw new ContractException("proposal-closed", "proposal " + id.hex() + " was carried out at block "
          + proposal.executedHeight().getAsLong());
    }
    if (!context.blockTime().isBefore(proposal.expiresAt())) {
      throw new ContractException("proposal-expired", "proposal " + id.hex() + " expired at " + proposal.expiresAt());
    }
    if (proposal.approvedBy(organisation)) {
      throw new ContractException("already-approved", organisation + " already approved proposal " + id.hex());
    }
    Proposal approved = proposal.approvedAlsoBy(organisation);
    context.emit("governance.approved", Map.of("proposal", id.hex(), "organisation", organisation,
        "approvals", Integer.toString(approved.approvals().size()), "threshold", Integer.toString(threshold)));
    decide(context, id, approved);
  }

  /** Stores the proposal, carrying it out first if it now has enough approvals. */
  private void decide(TxContext context, Digest id, Proposal proposal) throws ContractException {
    if (proposal.approvals().size() >= threshold) {
      check(proposal.action(), context);
      proposal = proposal.executedAt(context.blockHeight());
      context.emit("governance.executed", Map.of("proposal", id.hex(), "action", proposal.action().kind(),
          "summary", proposal.action().describe()));
      carryOut(proposal.action(), context);
    }
    context.put(GovernanceKeys.proposal(id), GovernanceCodec.encode(proposal));
  }

  private static ValidatorHistory history(TxContext context) throws ContractException {
    return ValidatorHistory.read(context::get).orElseThrow(() ->
        new ContractException("no-validator-set", "this chain keeps no validator set in its state"));
  }

  /** Whether the action can be carried out on the current state. */
  private void check(GovernanceAction action, TxContext context) throws ContractException {
    if (action instanceof GovernanceAction.SetParameter set) {
      checkParameter(set);
      return;
    }
    ValidatorSet current = history(context).current();
    if (action instanceof GovernanceAction.AddValidator add) {
      ValidatorInfo validator = add.validator();
      if (current.contains(validator.id())) {
        throw new ContractException("already-validator", validator.id() + " is already a validator");
      }
      if (current.validators().stream().anyMatch(v -> v.isAt(validator.address()))) {
        throw new ContractException("address-in-use", "another validator is at " + validator.address());
      }
      checkCertificates(validator, context);
    } else if (action instanceof GovernanceAction.RemoveValidator remove) {
      if (!current.contains(remove.id())) {
        throw new ContractException("not-validator", remove.id() + " is not a validator");
      }
      if (current.size() == 1) {
        throw new ContractException("last-validator", remove.id() + " is the only validator");
      }
    }
  }

  /**
   * The signing certificate must be on chain, valid and unrevoked at block time, of a registered
   * validator named as the validator; the TLS certificate must be issued to the same validator by
   * its organisation's CA.
   */
  private void checkCertificates(ValidatorInfo validator, TxContext context) throws ContractException {
    StateView state = context::get;
    OrganisationId organisation = OrganisationId.of(validator.organisation());
    Digest fingerprint = CertificateCodec.fingerprint(validator.certificate());
    CertificateEntry entry = identities.certificate(state, fingerprint).orElseThrow(() -> new ContractException(
        "unknown-certificate", "the certificate of " + validator.id() + " is not on chain: record it first"));
    ValidationResult signing = identities.validate(state, validator.certificate(), organisation,
        entry.revocation(), context.blockTime());
    requireValid(signing, "signing", validator);
    requireValidatorClaims(entry.claims(), validator, "signing");
    ValidationResult tls = identities.validate(state, validator.tlsCertificate(), organisation, Optional.empty(),
        context.blockTime());
    requireValid(tls, "TLS", validator);
    requireValidatorClaims(claims(validator.tlsCertificate()), validator, "TLS");
  }

  private static void requireValid(ValidationResult result, String which, ValidatorInfo validator)
      throws ContractException {
    if (!result.isValid()) {
      throw new ContractException("invalid-certificate", "the " + which + " certificate of " + validator.id()
          + " is not valid: " + result.detail());
    }
  }

  private static void requireValidatorClaims(IdentityClaims claims, ValidatorInfo validator, String which)
      throws ContractException {
    if (claims.role() != Role.VALIDATOR || !claims.name().equals(validator.id())
        || !claims.organisation().value().equals(validator.organisation())) {
      throw new ContractException("claims-mismatch", "the " + which + " certificate is of " + claims.role().id() + " "
          + claims.name() + "@" + claims.organisation() + ", not of validator " + validator.id() + "@"
          + validator.organisation());
    }
  }

  private static IdentityClaims claims(X509Certificate certificate) throws ContractException {
    try {
      return IdentityExtension.decode(certificate);
    } catch (PkiException e) {
      throw new ContractException("malformed-payload", "the TLS certificate carries no MedLedger identity");
    }
  }

  private void checkParameter(GovernanceAction.SetParameter set) throws ContractException {
    GovernedParameter parameter = parameters.get(set.name());
    if (parameter == null) {
      throw new ContractException("unknown-parameter", "no contract of this chain reads a parameter " + set.name());
    }
    try {
      parameter.check(set.value());
    } catch (IllegalArgumentException e) {
      throw new ContractException("invalid-parameter", "not a value of " + set.name() + ": " + e.getMessage());
    } catch (RuntimeException e) {
      throw new ContractException("invalid-parameter", "not a value of " + set.name());
    }
  }

  private static void carryOut(GovernanceAction action, TxContext context) throws ContractException {
    if (action instanceof GovernanceAction.SetParameter set) {
      context.put(GovernanceKeys.parameter(set.name()), set.value());
      context.emit(PARAMETER_SET, Map.of("name", set.name(), "digest", set.digest().hex()));
      return;
    }
    ValidatorHistory history = history(context);
    long from = context.blockHeight() + 1;
    if (history.current().fromHeight() == from) {
      // One change a block: the block's one announcement is then the set from the next block on,
      // which an offline verifier can check without seeing the block's other results.
      throw new ContractException("validators-changing", "the validator set already changes in this block; "
          + "approve again in a later block");
    }
    ValidatorSet next;
    if (action instanceof GovernanceAction.AddValidator add) {
      next = history.current().with(add.validator(), from);
    } else {
      next = history.current().without(((GovernanceAction.RemoveValidator) action).id(), from);
    }
    context.put(GovernanceKeys.VALIDATORS, GovernanceCodec.encode(history.then(next)));
    context.emit(VALIDATORS_CHANGED, Map.of("from-height", Long.toString(from),
        "validators", String.join(",", next.ids()), "digest", next.digest().hex()));
  }

  private static <T> T parse(Supplier<T> parser) throws ContractException {
    try {
      return parser.get();
    } catch (MalformedEncodingException | IllegalArgumentException | PkiException e) {
      throw new ContractException("malformed-payload", e.getMessage());
    }
  }
}
