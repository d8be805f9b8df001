@NullMarked
package org.haochaping.admin.base.security;

import org.jspecify.annotations.NullMarked;
