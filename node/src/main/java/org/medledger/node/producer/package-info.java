/**
 * The single validator's block cutter: admits transactions against the head state, batches them,
 * executes, stores and seals each block, and answers every submitter with a receipt. Nothing here
 * is static or shared, so several nodes can run in one JVM.
 */
package org.medledger.node.producer;
