" Vim compiler file for MotorLearn specs: `:compiler motorlearn` (the ftplugin sets it), then `:make`
" checks the current file with `motorlearn check` and puts every problem in the quickfix list
" (`:copen`, `:cnext`). Set g:motorlearn_command to the motorlearn script if it is not on PATH.
if exists('current_compiler')
  finish
endif
let current_compiler = 'motorlearn'

if exists(':CompilerSet') != 2
  command -nargs=* CompilerSet setlocal <args>
endif

let s:command = escape(get(g:, 'motorlearn_command', 'motorlearn'), ' \|"')
execute 'CompilerSet makeprg=' . s:command . '\ check\ --no-color\ %:S'
" The problem's first line (error:, warning:, info:), then ' --> file:line:column'; the source line
" and carets below it, and the count at the end, are skipped.
CompilerSet errorformat=%Eerror:\ %m,%Wwarning:\ %m,%Iinfo:\ %m,%Z%\\s%#-->\ %f:%l:%c,%-G%.%#
