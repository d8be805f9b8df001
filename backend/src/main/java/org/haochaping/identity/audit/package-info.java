@NullMarked
package org.haochaping.identity.audit;

import org.jspecify.annotations.NullMarked;
