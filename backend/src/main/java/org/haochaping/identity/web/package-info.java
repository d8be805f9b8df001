@NullMarked
package org.haochaping.identity.web;

import org.jspecify.annotations.NullMarked;
