/**
 * The caller's own account and the residents' rights under the Personal Information Protection
 * Law (PIPL): who am I, a complete copy of what the system holds about me
 * ({@link org.haochaping.account.ResidentDataCopy}), and erasing the account after a confirmation
 * ({@link org.haochaping.account.AccountErasure}). It reads and erases through each feature's API.
 */
@NullMarked
package org.haochaping.account;

import org.jspecify.annotations.NullMarked;
