package org.medledger.node.consensus;

import java.io.IOException;
import java.util.Map;

/** The voting members of the replication group, as this validator sees them, and the means to change them. */
public interface GroupMembership {
  /** Whether this validator leads the group now. */
  boolean isLeader();

  /** The voting members of the group's current configuration: id → HOST:PORT. */
  Map<String, String> members();

  /** Makes these validators the voting members; returns once the new configuration is committed. */
  void setMembers(Map<String, String> members) throws IOException;
}
