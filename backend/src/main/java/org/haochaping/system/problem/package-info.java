/** Errors as RFC 9457 problem details with stable types and codes, in zh-CN first. */
@NullMarked
package org.haochaping.system.problem;

import org.jspecify.annotations.NullMarked;
