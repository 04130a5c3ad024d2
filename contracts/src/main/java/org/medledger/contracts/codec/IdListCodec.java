package org.medledger.contracts.codec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.medledger.contracts.codec.pb.IdList;
import org.medledger.ledger.codec.MalformedEncodingException;

/**
 * A sorted list of ids, each once, kept under one key: a patient's consents, a patient's
 * break-glass grants, the grants waiting for review. Sorting makes the encoding (and the state
 * root) independent of the order in which ids were added.
 */
public final class IdListCodec {
  private IdListCodec() {}

  public static byte[] encode(List<String> sortedIds) {
    return IdList.newBuilder().addAllIds(sortedIds).build().toByteArray();
  }

  public static List<String> decode(byte[] bytes) {
    return PolicyCodec.canonical("id list", bytes, () -> {
      List<String> ids = IdList.parseFrom(bytes).getIdsList();
      for (int i = 1; i < ids.size(); i++) {
        if (ids.get(i - 1).compareTo(ids.get(i)) >= 0) {
          throw new MalformedEncodingException("ids must be sorted, each once");
        }
      }
      return ids;
    }, IdListCodec::encode);
  }

  /** The list with {@code id} inserted in order (unchanged if present). */
  public static List<String> with(List<String> sortedIds, String id) {
    List<String> next = new ArrayList<>(sortedIds);
    int at = Collections.binarySearch(next, id);
    if (at < 0) {
      next.add(-at - 1, id);
    }
    return next;
  }

  /** The list without {@code id}. */
  public static List<String> without(List<String> sortedIds, String id) {
    List<String> next = new ArrayList<>(sortedIds);
    next.remove(id);
    return next;
  }
}
