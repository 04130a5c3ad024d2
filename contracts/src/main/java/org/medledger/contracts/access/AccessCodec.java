package org.medledger.contracts.access;

import static org.medledger.contracts.codec.PolicyCodec.canonical;

import com.google.protobuf.ByteString;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.medledger.contracts.codec.Ids;
import org.medledger.contracts.codec.PolicyCodec;
import org.medledger.contracts.codec.pb.Counter;
import org.medledger.contracts.codec.pb.DeclareBreakGlass;
import org.medledger.contracts.codec.pb.RequestAccess;
import org.medledger.contracts.codec.pb.ReviewBreakGlass;
import org.medledger.contracts.policy.Action;
import org.medledger.contracts.policy.DataClass;
import org.medledger.contracts.policy.Decision;
import org.medledger.contracts.policy.Obligation;
import org.medledger.contracts.policy.PatientId;
import org.medledger.contracts.policy.PurposeOfUse;
import org.medledger.contracts.policy.ReasonCode;
import org.medledger.ledger.Digest;
import org.medledger.ledger.codec.MalformedEncodingException;
import org.medledger.pki.OrganisationId;
import org.medledger.pki.Role;

/**
 * The access contracts' encodings: the payloads of {@code access.request}, {@code
 * access.break-glass} and {@code access.review}, and decision records, log counters and
 * break-glass grants in the world state. Decoders accept only canonical encodings of valid values.
 */
public final class AccessCodec {
  private AccessCodec() {}

  // ---- access.request

  public static byte[] requestPayload(RequestPayload request) {
    return toProto(request).toByteArray();
  }

  public static RequestPayload parseRequest(byte[] payload) {
    return canonical("access request", payload, () -> fromProto(RequestAccess.parseFrom(payload)),
        AccessCodec::requestPayload);
  }

  private static RequestAccess toProto(RequestPayload request) {
    return RequestAccess.newBuilder()
        .setPatient(PolicyCodec.toProto(request.patient()))
        .setAction(request.action().id())
        .setPurpose(request.purpose().code())
        .setDataClass(request.dataClass().fhirType())
        .addAllLabels(PolicyCodec.labelCodes(request.labels()))
        .setCustodian(request.custodian().value())
        .setDeidentified(request.deidentified())
        .build();
  }

  private static RequestPayload fromProto(RequestAccess request) {
    if (!request.hasPatient()) {
      throw new MalformedEncodingException("an access request names the patient");
    }
    return new RequestPayload(PolicyCodec.patient(request.getPatient()), Action.parse(request.getAction()),
        PurposeOfUse.parse(request.getPurpose()), DataClass.parse(request.getDataClass()),
        PolicyCodec.labels(request.getLabelsList()), OrganisationId.of(request.getCustodian()),
        request.getDeidentified());
  }

  // ---- decisions

  public static byte[] encodeDecision(DecisionRecord record) {
    org.medledger.contracts.codec.pb.DecisionRecord.Builder builder =
        org.medledger.contracts.codec.pb.DecisionRecord.newBuilder()
            .setRequester(PolicyCodec.toProto(record.requester()))
            .setRequesterRole(record.role().id())
            .setRequest(toProto(record.request()))
            .setEffect(effect(record.decision().effect()))
            .setReason(record.decision().reason().code())
            .setMessage(record.decision().message())
            .setHeight(record.height())
            .setTimeMillis(record.time().toEpochMilli())
            .setBreakGlassGrant(record.breakGlassGrant().orElse(""));
    for (Obligation obligation : record.decision().obligations()) {
      builder.addObligations(org.medledger.contracts.codec.pb.Obligation.newBuilder()
          .setKind(kind(obligation.kind()))
          .setWithinSeconds(obligation.within() == null ? 0 : obligation.within().getSeconds()));
    }
    return builder.build().toByteArray();
  }

  public static DecisionRecord decodeDecision(byte[] bytes) {
    return canonical("decision record", bytes, () -> {
      org.medledger.contracts.codec.pb.DecisionRecord record =
          org.medledger.contracts.codec.pb.DecisionRecord.parseFrom(bytes);
      List<Obligation> obligations = new ArrayList<>();
      for (org.medledger.contracts.codec.pb.Obligation obligation : record.getObligationsList()) {
        Obligation.Kind kind = kind(obligation.getKind());
        obligations.add(new Obligation(kind, kind == Obligation.Kind.REVIEW_WITHIN
            ? Duration.ofSeconds(obligation.getWithinSeconds()) : null));
      }
      Decision.Effect effect = "permit".equals(record.getEffect()) ? Decision.Effect.PERMIT : Decision.Effect.DENY;
      Decision decision = new Decision(effect, ReasonCode.parse(record.getReason()), record.getMessage(),
          obligations);
      return new DecisionRecord(PolicyCodec.person(record.getRequester()), Role.parse(record.getRequesterRole()),
          fromProto(record.getRequest()), decision, record.getHeight(), Instant.ofEpochMilli(record.getTimeMillis()),
          record.getBreakGlassGrant().isEmpty() ? Optional.empty() : Optional.of(record.getBreakGlassGrant()));
    }, AccessCodec::encodeDecision);
  }

  public static String effect(Decision.Effect effect) {
    return effect.name().toLowerCase(Locale.ROOT);
  }

  /** An obligation's code, e.g. {@code review-within}. */
  public static String kind(Obligation.Kind kind) {
    return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private static Obligation.Kind kind(String code) {
    for (Obligation.Kind kind : Obligation.Kind.values()) {
      if (kind(kind).equals(code)) {
        return kind;
      }
    }
    throw new MalformedEncodingException("unknown obligation '" + code + "'");
  }

  // ---- log counters

  public static byte[] encodeCount(long count) {
    return Counter.newBuilder().setCount(count).build().toByteArray();
  }

  public static long decodeCount(byte[] bytes) {
    return canonical("counter", bytes, () -> Counter.parseFrom(bytes).getCount(), AccessCodec::encodeCount);
  }

  // ---- access.break-glass

  /** The payload declaring an emergency: only the SHA-256 of the written reason goes on chain. */
  public static byte[] breakGlassPayload(PatientId patient, String writtenReason) {
    return breakGlassPayload(new BreakGlassDeclaration(patient,
        Digest.sha256(writtenReason.strip().getBytes(java.nio.charset.StandardCharsets.UTF_8))));
  }

  public static byte[] breakGlassPayload(BreakGlassDeclaration declaration) {
    return DeclareBreakGlass.newBuilder()
        .setPatient(PolicyCodec.toProto(declaration.patient()))
        .setReasonSha256(ByteString.copyFrom(declaration.reasonSha256().toByteArray()))
        .build()
        .toByteArray();
  }

  public static BreakGlassDeclaration parseBreakGlass(byte[] payload) {
    return canonical("break-glass declaration", payload, () -> {
      DeclareBreakGlass declaration = DeclareBreakGlass.parseFrom(payload);
      if (!declaration.hasPatient()) {
        throw new MalformedEncodingException("a break-glass declaration names the patient");
      }
      return new BreakGlassDeclaration(PolicyCodec.patient(declaration.getPatient()),
          PolicyCodec.digest(declaration.getReasonSha256(), "the reason's hash"));
    }, AccessCodec::breakGlassPayload);
  }

  public static byte[] encodeGrant(BreakGlassRecord record) {
    org.medledger.contracts.codec.pb.BreakGlassRecord.Builder builder =
        org.medledger.contracts.codec.pb.BreakGlassRecord.newBuilder()
            .setId(record.id())
            .setRequester(PolicyCodec.toProto(record.requester()))
            .setPatient(PolicyCodec.toProto(record.patient()))
            .setReasonSha256(ByteString.copyFrom(record.reasonSha256().toByteArray()))
            .setGrantedAtMillis(record.grantedAt().toEpochMilli())
            .setExpiresAtMillis(record.expiresAt().toEpochMilli())
            .setHeight(record.height());
    record.review().ifPresent(review -> builder.setReviewOutcome(review.outcome().id())
        .setReviewer(PolicyCodec.toProto(review.reviewer()))
        .setReviewedAtMillis(review.at().toEpochMilli())
        .setReviewedHeight(review.height()));
    return builder.build().toByteArray();
  }

  public static BreakGlassRecord decodeGrant(byte[] bytes) {
    return canonical("break-glass grant", bytes, () -> {
      org.medledger.contracts.codec.pb.BreakGlassRecord record =
          org.medledger.contracts.codec.pb.BreakGlassRecord.parseFrom(bytes);
      Optional<BreakGlassRecord.Review> review = record.getReviewOutcome().isEmpty()
          ? Optional.empty()
          : Optional.of(new BreakGlassRecord.Review(ReviewOutcome.parse(record.getReviewOutcome()),
              PolicyCodec.person(record.getReviewer()), Instant.ofEpochMilli(record.getReviewedAtMillis()),
              record.getReviewedHeight()));
      BreakGlassRecord grant = new BreakGlassRecord(Ids.requireTransactionId(record.getId(), "a grant id"),
          PolicyCodec.person(record.getRequester()), PolicyCodec.patient(record.getPatient()),
          PolicyCodec.digest(record.getReasonSha256(), "the reason's hash"),
          Instant.ofEpochMilli(record.getGrantedAtMillis()), Instant.ofEpochMilli(record.getExpiresAtMillis()),
          record.getHeight(), review);
      grant.toPolicy(); // validates the grant's times
      return grant;
    }, AccessCodec::encodeGrant);
  }

  // ---- access.review

  public static byte[] reviewPayload(BreakGlassReview review) {
    return ReviewBreakGlass.newBuilder().setGrantId(review.grantId()).setOutcome(review.outcome().id()).build()
        .toByteArray();
  }

  public static BreakGlassReview parseReview(byte[] payload) {
    return canonical("break-glass review", payload, () -> {
      ReviewBreakGlass review = ReviewBreakGlass.parseFrom(payload);
      return new BreakGlassReview(Ids.requireTransactionId(review.getGrantId(), "the grant id"),
          ReviewOutcome.parse(review.getOutcome()));
    }, AccessCodec::reviewPayload);
  }
}
