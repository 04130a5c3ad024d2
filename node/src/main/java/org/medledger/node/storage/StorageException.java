package org.medledger.node.storage;

/**
 * The chain's data directory cannot be used as it is: a stored value is damaged or missing, the
 * files are corrupt, the directory is in use, or the disk failed. The message is one line that
 * names the data directory and what is wrong, e.g. {@code block 12 in /var/medledger/chain is
 * damaged: not the canonical encoding}. Never wraps a storage engine's own exception type, so
 * callers need no engine on their classpath to handle it.
 */
public class StorageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StorageException(String message) {
    super(message);
  }
}
