package org.medledger.ledger.execution;

import org.medledger.ledger.block.Block;
import org.medledger.ledger.state.StateChanges;

/** A block as executed by one validator, with the state changes it commits. */
public record ExecutedBlock(Block block, StateChanges changes) {}
