package org.medledger.ledger.merkle;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A naive transcription of the definitions of RFC 9162: MTH (section 2.1.1), PATH (2.1.3.1) and
 * PROOF / SUBPROOF (2.1.4.1), recursing over lists of leaves exactly as written, plus verifiers
 * that follow from those definitions rather than from the iterative algorithms of 2.1.3.2 and
 * 2.1.4.2. Independent of the code under test: its own SHA-256, its own recursion, raw byte arrays.
 */
final class RfcReference {
  private RfcReference() {}

  /** Distinct leaves {@code "leaf 0", "leaf 1", ...}. */
  static List<byte[]> leaves(int n) {
    List<byte[]> leaves = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      leaves.add(("leaf " + i).getBytes(StandardCharsets.US_ASCII));
    }
    return leaves;
  }

  static byte[] sha256(byte[]... parts) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (byte[] part : parts) {
        digest.update(part);
      }
      return digest.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  static byte[] leafHash(byte[] leaf) {
    return sha256(new byte[] {0x00}, leaf);
  }

  static byte[] nodeHash(byte[] left, byte[] right) {
    return sha256(new byte[] {0x01}, left, right);
  }

  /** The largest power of two smaller than n, for n > 1. */
  static long k(long n) {
    long k = 1;
    while (k <= Long.MAX_VALUE / 2 && k * 2 < n) {
      k *= 2;
    }
    return k;
  }

  /** MTH(D[n]). */
  static byte[] mth(List<byte[]> d) {
    int n = d.size();
    if (n == 0) {
      return sha256();
    }
    if (n == 1) {
      return leafHash(d.get(0));
    }
    int k = (int) k(n);
    return nodeHash(mth(d.subList(0, k)), mth(d.subList(k, n)));
  }

  /** PATH(m, D[n]). */
  static List<byte[]> path(int m, List<byte[]> d) {
    int n = d.size();
    List<byte[]> result = new ArrayList<>();
    if (n == 1) {
      return result;
    }
    int k = (int) k(n);
    if (m < k) {
      result.addAll(path(m, d.subList(0, k)));
      result.add(mth(d.subList(k, n)));
    } else {
      result.addAll(path(m - k, d.subList(k, n)));
      result.add(mth(d.subList(0, k)));
    }
    return result;
  }

  /** PROOF(m, D[n]) = SUBPROOF(m, D[n], true), for 0 < m <= n. */
  static List<byte[]> proof(int m, List<byte[]> d) {
    return subproof(m, d, true);
  }

  /** SUBPROOF(m, D[n], b). */
  static List<byte[]> subproof(int m, List<byte[]> d, boolean b) {
    int n = d.size();
    List<byte[]> result = new ArrayList<>();
    if (m == n) {
      if (!b) {
        result.add(mth(d));
      }
      return result;
    }
    int k = (int) k(n);
    if (m <= k) {
      result.addAll(subproof(m, d.subList(0, k), b));
      result.add(mth(d.subList(k, n)));
    } else {
      result.addAll(subproof(m - k, d.subList(k, n), false));
      result.add(mth(d.subList(0, k)));
    }
    return result;
  }

  /** A subtree D[start:end] of the decomposition. */
  record Range(long start, long end) {}

  /** The subtrees whose hashes PATH(m, D[start:end]) lists, in the same order. */
  static List<Range> pathRanges(long m, long start, long end) {
    List<Range> result = new ArrayList<>();
    long n = end - start;
    if (n == 1) {
      return result;
    }
    long k = k(n);
    if (m < k) {
      result.addAll(pathRanges(m, start, start + k));
      result.add(new Range(start + k, end));
    } else {
      result.addAll(pathRanges(m - k, start + k, end));
      result.add(new Range(start, start + k));
    }
    return result;
  }

  /** The subtrees whose hashes SUBPROOF(m, D[start:end], b) lists, in the same order. */
  static List<Range> subproofRanges(long m, long start, long end, boolean b) {
    List<Range> result = new ArrayList<>();
    long n = end - start;
    if (m == n) {
      if (!b) {
        result.add(new Range(start, end));
      }
      return result;
    }
    long k = k(n);
    if (m <= k) {
      result.addAll(subproofRanges(m, start, start + k, b));
      result.add(new Range(start + k, end));
    } else {
      result.addAll(subproofRanges(m - k, start + k, end, false));
      result.add(new Range(start, start + k));
    }
    return result;
  }

  /**
   * Whether some tree of {@code size} leaves with root {@code root} has a leaf with this hash at
   * {@code index} and {@code path} as PATH: the path must list exactly the subtrees PATH lists for
   * (index, size), and MTH recomputed from them and the leaf hash must be the root.
   */
  static boolean inclusionHolds(
      byte[] leafHash, long index, long size, List<byte[]> path, byte[] root) {
    if (index < 0 || index >= size) {
      return false;
    }
    List<Range> ranges = pathRanges(index, 0, size);
    if (ranges.size() != path.size()) {
      return false;
    }
    Map<Range, byte[]> known = new HashMap<>();
    for (int i = 0; i < ranges.size(); i++) {
      known.put(ranges.get(i), path.get(i));
    }
    known.put(new Range(index, index + 1), leafHash);
    return Arrays.equals(evaluate(0, size, known), root);
  }

  /**
   * Whether {@code path} shows the tree of {@code m} leaves with root {@code oldRoot} to be a
   * prefix of the tree of {@code n} leaves with root {@code newRoot}: the path must list exactly
   * the subtrees PROOF lists for (m, n), and MTH(D[0:m]) and MTH(D[0:n]) recomputed from them (and
   * from the old root when it is itself a node of the new tree) must be the two roots. The empty
   * tree, whose root is SHA-256 of nothing, is a prefix of every tree; equal sizes need equal
   * roots.
   */
  static boolean consistencyHolds(
      long m, long n, List<byte[]> path, byte[] oldRoot, byte[] newRoot) {
    if (m < 0 || m > n) {
      return false;
    }
    if (m == 0) {
      return path.isEmpty()
          && Arrays.equals(oldRoot, sha256())
          && (n > 0 || Arrays.equals(newRoot, oldRoot));
    }
    if (m == n) {
      return path.isEmpty() && Arrays.equals(oldRoot, newRoot);
    }
    List<Range> ranges = subproofRanges(m, 0, n, true);
    if (ranges.size() != path.size()) {
      return false;
    }
    Map<Range, byte[]> known = new HashMap<>();
    for (int i = 0; i < ranges.size(); i++) {
      known.put(ranges.get(i), path.get(i));
    }
    if (Long.bitCount(m) == 1) {
      known.put(new Range(0, m), oldRoot);
    }
    return Arrays.equals(evaluate(0, m, known), oldRoot)
        && Arrays.equals(evaluate(0, n, known), newRoot);
  }

  /** MTH(D[start:end]) from the known subtree hashes, or null if they do not determine it. */
  private static byte[] evaluate(long start, long end, Map<Range, byte[]> known) {
    byte[] hash = known.get(new Range(start, end));
    if (hash != null) {
      return hash;
    }
    boolean containsKnownSubtree =
        known.keySet().stream().anyMatch(r -> r.start() >= start && r.end() <= end);
    if (end - start < 2 || !containsKnownSubtree) {
      return null;
    }
    long k = k(end - start);
    byte[] left = evaluate(start, start + k, known);
    byte[] right = evaluate(start + k, end, known);
    return left == null || right == null ? null : nodeHash(left, right);
  }
}
