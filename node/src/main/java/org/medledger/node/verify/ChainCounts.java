package org.medledger.node.verify;

/**
 * What a verification went through.
 *
 * @param blocks blocks checked and re-executed, the genesis block included
 * @param transactions transactions in those blocks
 * @param failedTransactions those of them whose committed result is a refusal
 * @param seals validator seals checked
 * @param stateEntries world-state entries compared with the re-executed state
 */
public record ChainCounts(long blocks, long transactions, long failedTransactions, long seals, long stateEntries) {
  public static final ChainCounts NONE = new ChainCounts(0, 0, 0, 0, 0);

  @Override
  public String toString() {
    return blocks + " blocks, " + transactions + " transactions (" + failedTransactions + " refused), " + seals
        + " seals, " + stateEntries + " state entries";
  }
}
