package org.medledger.node.consensus;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.medledger.ledger.governance.ValidatorInfo;
import org.medledger.ledger.governance.ValidatorSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the replication group's voting members equal to the validator set on chain. The chain
 * decides (governance carries out a change in a block); the group follows: whichever validator
 * leads checks now and then, and after a change asks the group to take the chain's set. A new
 * member is brought up to date before it votes; one that is not running yet is tried again later.
 * A validator of the genesis has no address on chain: its address in the group, or in this
 * node's configuration, is used.
 */
public final class Membership implements AutoCloseable {
  /** How often the leader compares the group with the chain. */
  public static final Duration EVERY = Duration.ofSeconds(2);

  private static final Logger LOG = LoggerFactory.getLogger(Membership.class);

  private final Validators validators;
  private final GroupMembership group;
  private final Map<String, String> configured;
  private final ScheduledExecutorService timer;
  private Map<String, String> lastFailed = Map.of();

  private Membership(Validators validators, GroupMembership group, Map<String, String> configured) {
    this.validators = validators;
    this.group = group;
    this.configured = Map.copyOf(configured);
    this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "membership");
      thread.setDaemon(true);
      return thread;
    });
  }

  /** Starts comparing every {@link #EVERY}. */
  public static Membership start(Validators validators, GroupMembership group, Map<String, String> configured) {
    Membership membership = new Membership(validators, group, configured);
    membership.timer.scheduleWithFixedDelay(membership::reconcile, EVERY.toMillis(), EVERY.toMillis(),
        TimeUnit.MILLISECONDS);
    return membership;
  }

  /** If this validator leads and the group differs from the chain's set, asks the group to change. */
  void reconcile() {
    try {
      if (!group.isLeader()) {
        return;
      }
      Map<String, String> members = group.members();
      ValidatorSet wanted = validators.current();
      if (members.isEmpty() || members.keySet().equals(new java.util.TreeSet<>(wanted.ids()))) {
        return;
      }
      Optional<Map<String, String>> target = addresses(wanted, members);
      if (target.isEmpty()) {
        return;
      }
      boolean retry = target.get().equals(lastFailed);
      if (!retry) {
        LOG.info("the chain's validators are now {} (from block {}); the group has {}: changing it", wanted.ids(),
            wanted.fromHeight(), members.keySet());
      }
      try {
        group.setMembers(target.get());
        lastFailed = Map.of();
        LOG.info("the group's voting members are now {}", target.get().keySet());
      } catch (java.io.IOException | RuntimeException e) {
        lastFailed = target.get();
        if (!retry) {
          LOG.warn("the group could not take the validators {} yet: {} (trying again every {} s; a new validator "
              + "must be running to be added)", target.get().keySet(), e.getMessage(), EVERY.toSeconds());
        }
      }
    } catch (RuntimeException e) {
      LOG.warn("could not compare the group with the chain's validators: {}", e.toString());
    }
  }

  private Optional<Map<String, String>> addresses(ValidatorSet wanted, Map<String, String> members) {
    Map<String, String> target = new TreeMap<>();
    for (ValidatorInfo validator : wanted.validators()) {
      String address = !validator.address().isEmpty() ? validator.address()
          : members.getOrDefault(validator.id(), configured.get(validator.id()));
      if (address == null) {
        LOG.warn("no address known for validator {}: list it under consensus.peers", validator.id());
        return Optional.empty();
      }
      target.put(validator.id(), address);
    }
    return Optional.of(target);
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
