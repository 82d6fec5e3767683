" MotorLearn specs: comments as the language writes them, and `:make` checks the file (compiler/motorlearn.vim).
if exists('b:did_ftplugin')
  finish
endif
let b:did_ftplugin = 1

setlocal commentstring=//\ %s
setlocal comments=s1:/*,mb:*,ex:*/,://
compiler motorlearn

let b:undo_ftplugin = 'setlocal commentstring< comments< makeprg< errorformat<'
