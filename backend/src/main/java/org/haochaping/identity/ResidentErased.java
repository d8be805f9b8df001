package org.haochaping.identity;

/**
 * A resident erased their account: their data is deleted or anonymised. Features holding anything
 * else of the subject (sessions, tokens) let go of it. Published again on a retried erasure, so
 * listeners must be idempotent.
 */
public record ResidentErased(String subject) {
}
