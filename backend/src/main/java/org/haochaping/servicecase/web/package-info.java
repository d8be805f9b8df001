@NullMarked
package org.haochaping.servicecase.web;

import org.jspecify.annotations.NullMarked;
