@NullMarked
package org.haochaping.account.web;

import org.jspecify.annotations.NullMarked;
