/**
 * Where clients' transactions enter the network: the {@link org.medledger.node.producer.Proposer}
 * admits them against the head state, batches them, proposes each batch to the replicated log
 * (one batch in flight per node) and answers every submitter with a receipt once the batch is
 * applied here. Nothing here is static or shared, so several nodes can run in one JVM.
 */
package org.medledger.node.producer;
