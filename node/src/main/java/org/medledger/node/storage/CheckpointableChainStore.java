package org.medledger.node.storage;

import java.nio.file.Path;

/**
 * A replicated chain store that can be copied whole, cheaply and consistently (a checkpoint: the
 * state snapshots of the replicated log), and replaced whole by such a copy taken elsewhere (a
 * validator catching up from another's snapshot). A checkpoint is a directory of files, opaque
 * to the caller, that may be copied file by file to another machine.
 */
public interface CheckpointableChainStore extends ReplicatedChainStore {
  /**
   * Writes a consistent copy of the whole store into {@code target}, which must not exist yet (its
   * parent must). No write of this store runs meanwhile, so the copy holds exactly the blocks,
   * seals and state of the applied log index it returns.
   *
   * @return the applied log index the checkpoint holds
   * @throws StorageException if the copy cannot be written
   */
  long checkpoint(Path target);

  /**
   * The applied log index held by a checkpoint directory written by {@link #checkpoint} (possibly
   * copied from another validator).
   *
   * @throws StorageException if the directory is not such a checkpoint
   */
  long checkpointAppliedIndex(Path checkpoint);

  /**
   * Replaces this store's whole content by a copy of the checkpoint, atomically for everyone
   * holding the store: readers and writers wait while the switch runs, then see the new chain
   * (head, applied index, state). The checkpoint directory itself is left as it is. If the new
   * content cannot be opened, the old one is kept and this throws.
   *
   * @throws StorageException if the checkpoint is damaged or of another chain, or the switch fails
   */
  void replaceWith(Path checkpoint);
}
